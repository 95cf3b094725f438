package cn.huiqi.eligibility.determination;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.huiqi.eligibility.catalog.PolicyCatalog;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.EnterpriseProfileChangedV1;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.support.outbox.Outbox;
import cn.huiqi.support.problem.ProblemException;

/** Keeps the enterprise projection and determines applications as soon as both claim and enterprise are known. */
@ApplicationScoped
public class DeterminationService {

    static final String SOURCE = "huiqi/eligibility-service";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(DeterminationService.class);

    private final PolicyCatalog catalog;
    private final Outbox outbox;

    public DeterminationService(PolicyCatalog catalog, Outbox outbox) {
        this.catalog = catalog;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enterpriseRegistered(EnterpriseRegisteredV1 e) {
        lockEnterprise(e.uscc());
        EnterpriseProjectionEntity p = EnterpriseProjectionEntity.findById(e.uscc());
        if (p != null && p.profileVersion > 1) {
            return; // a later profile change is already here
        }
        if (p == null) {
            p = new EnterpriseProjectionEntity();
            p.uscc = e.uscc();
            p.creditRecords = List.of();
        }
        p.name = e.name();
        p.legalForm = e.legalForm();
        p.regionCode = e.regionCode();
        p.registrationDate = e.registrationDate();
        p.facts = e.facts() == null ? Map.of() : e.facts();
        p.profileVersion = 1;
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.persist();
        determinePending(p);
    }

    /**
     * Replaces the projection with the enterprise's whole profile, unless it holds a later version already; the
     * applications waiting for the enterprise are then determined with it. Determinations made before stay as they
     * were made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enterpriseProfileChanged(EnterpriseProfileChangedV1 e) {
        lockEnterprise(e.uscc());
        EnterpriseProjectionEntity p = EnterpriseProjectionEntity.findById(e.uscc());
        if (p != null && p.profileVersion >= e.profileVersion()) {
            LOG.infof("enterprise %s: profile version %d ignored, %d is here", e.uscc(), e.profileVersion(),
                    p.profileVersion);
            return;
        }
        if (p == null) {
            p = new EnterpriseProjectionEntity();
            p.uscc = e.uscc();
        }
        p.name = e.name();
        p.legalForm = e.legalForm();
        p.regionCode = e.regionCode();
        p.registrationDate = e.registrationDate();
        p.facts = e.facts() == null ? Map.of() : e.facts();
        p.profileVersion = e.profileVersion();
        p.creditBlocked = e.creditBlocked();
        p.creditRecords = e.creditRecords() == null ? List.of() : e.creditRecords();
        p.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        p.persist();
        determinePending(p);
    }

    private void determinePending(EnterpriseProjectionEntity p) {
        for (DeterminationEntity pending : DeterminationEntity.<DeterminationEntity>list("uscc = ?1 and state = ?2",
                p.uscc, DeterminationEntity.PENDING)) {
            determine(pending, p);
        }
    }

    /**
     * Determines a submitted application, or a resubmitted one again: a revision above the stored one replaces the
     * claim and is determined anew (the earlier outcome stays in the revision history); a revision not above it is a
     * duplicate.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applicationSubmitted(ApplicationSubmittedV1 a) {
        lockEnterprise(a.uscc());
        DeterminationEntity d = DeterminationEntity.findById(a.applicationId());
        if (d != null && a.revision() <= d.revision) {
            return;
        }
        if (d == null) {
            d = new DeterminationEntity();
            d.applicationId = a.applicationId();
            d.uscc = a.uscc();
            d.clauseId = a.clauseId();
            d.year = a.year();
            // The policy text is read as of the first submission; a resubmission completes that application.
            d.asOf = a.submittedAt().atZoneSameInstant(CHINA).toLocalDate();
        } else {
            LOG.infof("application %s resubmitted: revision %d supersedes %d", a.applicationId(), a.revision(),
                    d.revision);
            d.eligible = null;
            d.determinedAt = null;
        }
        d.revision = a.revision();
        d.claim = a.claim();
        d.state = DeterminationEntity.PENDING;
        d.reasons = List.of();
        d.facts = Map.of();
        d.receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.persist();
        EnterpriseProjectionEntity enterprise = EnterpriseProjectionEntity.findById(a.uscc());
        if (enterprise == null) {
            LOG.infof("application %s waits for enterprise facts of %s", a.applicationId(), a.uscc());
            return;
        }
        determine(d, enterprise);
    }

    public DeterminationView get(UUID applicationId) {
        DeterminationEntity d = DeterminationEntity.findById(applicationId);
        if (d == null) {
            throw ProblemException.notFound("determination", applicationId.toString());
        }
        return DeterminationView.of(d, DeterminationRevisionEntity
                .<DeterminationRevisionEntity>find("applicationId = ?1 order by revision", applicationId).list());
    }

    /**
     * Enterprise and application events arrive on different topics and threads; holding the enterprise's lock makes
     * "no projection yet, so wait" and "projection arrived, so determine the waiting ones" exclusive.
     */
    private static void lockEnterprise(String uscc) {
        EnterpriseProjectionEntity.getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, uscc)
                .getSingleResult();
    }

    private void determine(DeterminationEntity d, EnterpriseProjectionEntity enterprise) {
        Map<String, Object> facts = new TreeMap<>(enterpriseFacts(enterprise));
        facts.putAll(d.claim);
        PolicyCatalog.Outcome outcome = catalog.determine(d.clauseId, facts, d.asOf);
        d.state = DeterminationEntity.DETERMINED;
        d.eligible = outcome.eligible();
        d.reasons = outcome.reasons();
        d.facts = facts;
        d.determinedAt = OffsetDateTime.now(ZoneOffset.UTC);
        d.persist();
        DeterminationRevisionEntity r = new DeterminationRevisionEntity();
        r.applicationId = d.applicationId;
        r.revision = d.revision;
        r.asOf = d.asOf;
        r.claim = d.claim;
        r.eligible = outcome.eligible();
        r.reasons = outcome.reasons();
        r.facts = facts;
        r.determinedAt = d.determinedAt;
        r.persist();
        outbox.publish(Topics.ELIGIBILITY, EventEnvelope.of(EventTypes.ELIGIBILITY_DETERMINED, SOURCE, d.uscc,
                new EligibilityDeterminedV1(d.applicationId, d.uscc, d.clauseId, d.year, outcome.eligible(),
                        outcome.reasons(), facts, d.revision)));
    }

    /** The projection as vocabulary facts: the registration fields under their fact names plus profile facts. */
    public static Map<String, Object> enterpriseFacts(EnterpriseProjectionEntity e) {
        Map<String, Object> facts = new TreeMap<>(e.facts);
        facts.put("enterprise.legal_form", e.legalForm);
        facts.put("enterprise.region_code", e.regionCode);
        facts.put("enterprise.registration_date", e.registrationDate.toString());
        return facts;
    }
}
