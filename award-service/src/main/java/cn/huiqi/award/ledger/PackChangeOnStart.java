package cn.huiqi.award.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * When award-service starts with a policy pack whose clause encodings differ from those its decision records name, it
 * recomputes the affected open awards and writes the differences (docs/award-ledger.md, "A new pack version").
 */
@ApplicationScoped
public class PackChangeOnStart {

    private static final Logger LOG = Logger.getLogger(PackChangeOnStart.class);

    void onStart(@Observes StartupEvent start, AwardService awards,
            @ConfigProperty(name = "huiqi.award.recompute-on-pack-change", defaultValue = "true") boolean enabled) {
        if (!enabled) {
            return;
        }
        int written = awards.recomputeForPack(awards.pack(), awards.packVersion());
        LOG.infof("policy pack %s: %d award(s) recomputed for changed clauses", awards.packVersion(), written);
    }
}
