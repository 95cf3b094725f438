package cn.huiqi.application.enterprise;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * Announces again the profile of every enterprise whose recognitions or 失信 records started or lapsed since its last
 * announcement, so that eligibility stops counting a 高新技术企业 recognition the day after it lapses (and a 失信 listing
 * stops blocking the day after it ends) without waiting for another change of the enterprise. Runs shortly after
 * start and then every {@code huiqi.profile-sweep.interval} (default one hour); each enterprise is locked and checked
 * again, so several instances announce it once.
 */
@Startup
@ApplicationScoped
public class ProfileValiditySweep {

    private static final Logger LOG = Logger.getLogger(ProfileValiditySweep.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int BATCH = 200;

    private final EntityManager em;
    private final EnterpriseService enterprises;
    private final ScheduledExecutorService executor;

    public ProfileValiditySweep(EntityManager em, EnterpriseService enterprises,
            @ConfigProperty(name = "huiqi.profile-sweep.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "huiqi.profile-sweep.interval", defaultValue = "PT1H") Duration interval) {
        this.em = em;
        this.enterprises = enterprises;
        if (enabled) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "profile-validity-sweep");
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::sweepNow, 10_000, interval.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            executor = null;
        }
    }

    /**
     * Announces every enterprise whose profile changes on or before {@code today}; returns how many were announced.
     */
    public int sweep(LocalDate today) {
        int announced = 0;
        List<String> due;
        String after = "";
        do {
            String from = after;
            due = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select e.uscc from EnterpriseEntity e"
                    + " where e.profileChangesOn <= :today and e.uscc > :after order by e.uscc", String.class)
                    .setParameter("today", today).setParameter("after", from).setMaxResults(BATCH).getResultList());
            for (String uscc : due) {
                try {
                    if (enterprises.announceIfDue(uscc, today)) {
                        announced++;
                    }
                } catch (RuntimeException e) {
                    // Left due: the next sweep tries again.
                    LOG.warnf("profile of %s not announced again (will retry): %s", uscc, e.getMessage());
                }
                after = uscc;
            }
        } while (due.size() == BATCH);
        if (announced > 0) {
            LOG.infof("announced %d enterprise profiles again: a recognition or 失信 record started or lapsed",
                    announced);
        }
        return announced;
    }

    private void sweepNow() {
        try {
            sweep(LocalDate.now(CHINA));
        } catch (RuntimeException e) {
            LOG.warnf("profile validity sweep failed (will retry): %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
