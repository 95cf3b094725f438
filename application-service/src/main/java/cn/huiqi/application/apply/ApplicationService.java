package cn.huiqi.application.apply;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import cn.huiqi.application.enterprise.EnterpriseEntity;
import cn.huiqi.application.enterprise.UnifiedSocialCreditCode;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.support.outbox.Outbox;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.problem.UniqueViolation;

/** Accepts applications and moves them on as determinations and awards arrive. */
@ApplicationScoped
public class ApplicationService {

    static final String SOURCE = "huiqi/application-service";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Outbox outbox;
    private final ClauseCatalog catalog;

    public ApplicationService(Outbox outbox, ClauseCatalog catalog) {
        this.outbox = outbox;
        this.catalog = catalog;
    }

    @Transactional
    public ApplicationView submit(ApplicationRequest request) {
        String uscc = UnifiedSocialCreditCode.normalize(request.uscc());
        if (EnterpriseEntity.findById(uscc) == null) {
            throw new ProblemException(422, "unknown-enterprise", "Enterprise not registered",
                    "register enterprise " + uscc + " before applying", Map.of("uscc", uscc));
        }
        Map<String, Object> claim = catalog.checkedClaim(request.clauseId(), request.claim());
        int year = request.year() != null ? request.year() : Year.now(CHINA).getValue();
        if (ApplicationEntity.count("uscc = ?1 and clauseId = ?2 and year = ?3", uscc, request.clauseId(),
                year) > 0) {
            throw duplicate(uscc, request.clauseId(), year);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ApplicationEntity a = new ApplicationEntity();
        a.id = UUID.randomUUID();
        a.uscc = uscc;
        a.clauseId = request.clauseId();
        a.year = year;
        a.claim = claim;
        a.status = ApplicationStatus.SUBMITTED;
        a.reasons = List.of();
        a.awardTrace = List.of();
        a.submittedAt = now;
        a.updatedAt = now;
        try {
            a.persistAndFlush();
        } catch (PersistenceException ex) {
            // A concurrent submission for the same clause and year committed first.
            throw UniqueViolation.in(ex) ? duplicate(uscc, a.clauseId, year) : ex;
        }
        outbox.publish(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, SOURCE, uscc,
                new ApplicationSubmittedV1(a.id, uscc, a.clauseId, year, claim, now)));
        return ApplicationView.of(a);
    }

    private static ProblemException duplicate(String uscc, String clauseId, int year) {
        return new ProblemException(409, "duplicate-application", "Already applied",
                uscc + " has already applied for " + clauseId + " for " + year,
                Map.of("uscc", uscc, "clauseId", clauseId, "year", year));
    }

    public ApplicationView get(UUID id) {
        return ApplicationView.of(find(id));
    }

    public List<ApplicationView> ofEnterprise(String uscc, int offset, int limit) {
        return ApplicationEntity.<ApplicationEntity>find("uscc = ?1 order by submittedAt desc",
                UnifiedSocialCreditCode.normalize(uscc)).range(offset, offset + limit - 1).list().stream()
                .map(ApplicationView::of).toList();
    }

    /** Records eligibility-service's determination; runs inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void determined(EligibilityDeterminedV1 d) {
        ApplicationEntity a = ApplicationEntity.findById(d.applicationId());
        if (a == null) {
            throw new IllegalStateException("determination for unknown application " + d.applicationId());
        }
        a.reasons = d.reasons();
        ApplicationStatus next = d.eligible() ? ApplicationStatus.ELIGIBLE : ApplicationStatus.INELIGIBLE;
        if (a.status.isBefore(next)) {
            a.status = next;
        }
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Records award-service's proposed amount; runs inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void awardProposed(AwardProposedV1 award) {
        ApplicationEntity a = ApplicationEntity.findById(award.applicationId());
        if (a == null) {
            throw new IllegalStateException("award for unknown application " + award.applicationId());
        }
        a.amount = award.amount();
        a.uncappedAmount = award.uncappedAmount();
        a.awardTrace = award.trace();
        a.status = ApplicationStatus.AWARD_PROPOSED;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static ApplicationEntity find(UUID id) {
        ApplicationEntity a = ApplicationEntity.findById(id);
        if (a == null) {
            throw ProblemException.notFound("application", id.toString());
        }
        return a;
    }
}
