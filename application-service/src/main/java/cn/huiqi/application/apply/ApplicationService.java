package cn.huiqi.application.apply;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import cn.huiqi.application.credit.CreditService;
import cn.huiqi.application.enterprise.EnterpriseEntity;
import cn.huiqi.application.enterprise.UnifiedSocialCreditCode;
import cn.huiqi.application.lifecycle.Action;
import cn.huiqi.application.lifecycle.Actor;
import cn.huiqi.application.lifecycle.State;
import cn.huiqi.application.review.ActionEntity;
import cn.huiqi.application.review.Transitions;
import cn.huiqi.application.window.ApplicationWindows;
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
    private final Transitions transitions;
    private final CreditService credit;
    private final ApplicationWindows windows;

    public ApplicationService(Outbox outbox, ClauseCatalog catalog, Transitions transitions, CreditService credit,
            ApplicationWindows windows) {
        this.credit = credit;
        this.windows = windows;
        this.outbox = outbox;
        this.catalog = catalog;
        this.transitions = transitions;
    }

    @Transactional
    public ApplicationView submit(ApplicationRequest request, String actorId) {
        String uscc = UnifiedSocialCreditCode.normalize(request.uscc());
        if (EnterpriseEntity.findById(uscc) == null) {
            throw new ProblemException(422, "unknown-enterprise", "Enterprise not registered",
                    "register enterprise " + uscc + " before applying", Map.of("uscc", uscc));
        }
        credit.mustNotBeBlocked(uscc);
        Map<String, Object> claim = catalog.checkedClaim(request.clauseId(), request.claim());
        int year = request.year() != null ? request.year() : Year.now(CHINA).getValue();
        windows.mustBeOpen(request.clauseId(), year);
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
        a.status = State.SUBMITTED;
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
        // SUBMIT (DRAFT to SUBMITTED) is announced by application.submitted.v1, which carries the claim.
        ActionEntity entry = new ActionEntity();
        entry.applicationId = a.id;
        entry.occurredAt = now;
        entry.action = Action.SUBMIT.name();
        entry.fromState = State.DRAFT.name();
        entry.toState = State.SUBMITTED.name();
        entry.actor = "enterprise";
        entry.actorId = actorId;
        entry.department = catalog.department(a.clauseId).orElse(null);
        entry.persist();
        outbox.publish(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, SOURCE, uscc,
                new ApplicationSubmittedV1(a.id, uscc, a.clauseId, year, claim, now)));
        return view(a);
    }

    private static ProblemException duplicate(String uscc, String clauseId, int year) {
        return new ProblemException(409, "duplicate-application", "Already applied",
                uscc + " has already applied for " + clauseId + " for " + year,
                Map.of("uscc", uscc, "clauseId", clauseId, "year", year));
    }

    public ApplicationView get(UUID id) {
        return view(find(id));
    }

    public ApplicationView view(ApplicationEntity a) {
        return ApplicationView.of(a, catalog.department(a.clauseId).orElse(null));
    }

    public List<ApplicationView> ofEnterprise(String uscc, int offset, int limit) {
        return ApplicationEntity.<ApplicationEntity>find("uscc = ?1 order by submittedAt desc",
                UnifiedSocialCreditCode.normalize(uscc)).range(offset, offset + limit - 1).list().stream()
                .map(this::view).toList();
    }

    /**
     * Records eligibility-service's determination (DETERMINE_ELIGIBLE or DETERMINE_INELIGIBLE by the system); runs
     * inside the consumer's transaction. An application already past SUBMITTED (the award overtook the determination,
     * or the enterprise withdrew) keeps its state and gets the reasons.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void determined(EligibilityDeterminedV1 d, String source) {
        ApplicationEntity a = locked(d.applicationId(), "determination");
        a.reasons = d.reasons();
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (a.status == State.SUBMITTED) {
            transitions.take(a, d.eligible() ? Action.DETERMINE_ELIGIBLE : Action.DETERMINE_INELIGIBLE, Actor.SYSTEM,
                    Transitions.Details.of(source));
        }
    }

    /**
     * Records award-service's proposed amount (PROPOSE_AWARD by the system); runs inside the consumer's transaction.
     * award-service proposes only for an eligible determination, so an award that overtakes the determination first
     * takes DETERMINE_ELIGIBLE. In any later state the amount is recorded and the state kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void awardProposed(AwardProposedV1 award, String source) {
        ApplicationEntity a = locked(award.applicationId(), "award");
        a.amount = award.amount();
        a.uncappedAmount = award.uncappedAmount();
        a.awardTrace = award.trace();
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (a.status == State.SUBMITTED) {
            transitions.take(a, Action.DETERMINE_ELIGIBLE, Actor.SYSTEM, Transitions.Details.of(source));
        }
        if (a.status == State.ELIGIBLE) {
            transitions.take(a, Action.PROPOSE_AWARD, Actor.SYSTEM, new Transitions.Details(source, null,
                    award.amount(), null));
        }
    }

    private static ApplicationEntity locked(UUID id, String what) {
        ApplicationEntity a = ApplicationEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new IllegalStateException(what + " for unknown application " + id);
        }
        return a;
    }

    private static ApplicationEntity find(UUID id) {
        ApplicationEntity a = ApplicationEntity.findById(id);
        if (a == null) {
            throw ProblemException.notFound("application", id.toString());
        }
        return a;
    }
}
