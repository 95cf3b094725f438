package cn.huiqi.application.apply;

import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.huiqi.application.attachment.AttachmentEntity;
import cn.huiqi.application.attachment.AttachmentView;
import cn.huiqi.application.credit.CreditService;
import cn.huiqi.application.enterprise.EnterpriseEntity;
import cn.huiqi.application.enterprise.UnifiedSocialCreditCode;
import cn.huiqi.application.lifecycle.Action;
import cn.huiqi.application.lifecycle.Actor;
import cn.huiqi.application.lifecycle.Lifecycle;
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
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Accepts applications and moves them on as determinations and awards arrive. */
@ApplicationScoped
public class ApplicationService {

    static final String SOURCE = "huiqi/application-service";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

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

    /** Submits the application, or saves it as a draft when the request says {@code "submit": false}. */
    @Transactional
    public ApplicationView submit(ApplicationRequest request, String actorId) {
        String uscc = UnifiedSocialCreditCode.normalize(request.uscc());
        if (EnterpriseEntity.findById(uscc) == null) {
            throw new ProblemException(422, "unknown-enterprise", "Enterprise not registered",
                    "register enterprise " + uscc + " before applying", Map.of("uscc", uscc));
        }
        boolean submitNow = request.submitNow();
        Map<String, Object> claim;
        int year = request.year() != null ? request.year() : Year.now(CHINA).getValue();
        if (submitNow) {
            credit.mustNotBeBlocked(uscc);
            claim = catalog.checkedClaim(request.clauseId(), request.claim());
            windows.mustBeOpen(request.clauseId(), year);
        } else {
            // A draft may be incomplete: the clause must exist and the facts given must fit the vocabulary.
            claim = catalog.checkedDraftClaim(request.clauseId(), request.claim());
        }
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
        a.status = submitNow ? State.SUBMITTED : State.DRAFT;
        a.reasons = List.of();
        a.awardTrace = List.of();
        a.createdAt = now;
        a.submittedAt = submitNow ? now : null;
        a.updatedAt = now;
        try {
            a.persistAndFlush();
        } catch (PersistenceException ex) {
            // A concurrent submission for the same clause and year committed first.
            throw UniqueViolation.in(ex) ? duplicate(uscc, a.clauseId, year) : ex;
        }
        if (submitNow) {
            announceSubmission(a, actorId, now);
        }
        return view(a);
    }

    /**
     * SUBMIT of a draft (the enterprise, through the actions endpoint): the same checks as a direct submission — 失信,
     * policy in force, the claim, the application window — then SUBMITTED and application.submitted.v1. The caller
     * holds the row lock and has checked the version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitDraft(ApplicationEntity a, String actorId) {
        Lifecycle.apply(a.status, Action.SUBMIT, Actor.ENTERPRISE);
        credit.mustNotBeBlocked(a.uscc);
        a.claim = catalog.checkedClaim(a.clauseId, a.claim);
        windows.mustBeOpen(a.clauseId, a.year);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        a.status = State.SUBMITTED;
        a.submittedAt = now;
        a.updatedAt = now;
        announceSubmission(a, actorId, now);
    }

    /**
     * RESUBMIT after 退回补充材料: the claim as it now stands is checked, the next revision is announced with
     * application.submitted.v1 and eligibility is determined again (the state change itself goes through
     * {@link Transitions}). The caller holds the row lock and has checked the version.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resubmit(ApplicationEntity a, String actorId) {
        Lifecycle.apply(a.status, Action.RESUBMIT, Actor.ENTERPRISE);
        credit.mustNotBeBlocked(a.uscc);
        a.claim = catalog.checkedClaimFacts(a.claim);
        transitions.take(a, Action.RESUBMIT, Actor.ENTERPRISE, Transitions.Details.of(actorId));
        a.revision = a.revision + 1;
        outbox.publish(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, SOURCE, a.uscc,
                new ApplicationSubmittedV1(a.id, a.uscc, a.clauseId, a.year, a.claim, a.updatedAt, a.revision)));
    }

    /**
     * The enterprise edits the claim of its draft, or of an application returned for material (补充材料); the caller
     * sends the version it read (If-Match or {@code version}).
     */
    @Transactional
    public ApplicationView edit(UUID id, ApplicationEdit edit, Integer ifMatch, Caller caller) {
        ApplicationEntity a = ApplicationEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw ProblemException.notFound("application", id.toString());
        }
        caller.mayRead(a.uscc, () -> ProblemException.notFound("application", id.toString()));
        mustBeEditable(a, "edit its claim");
        checkVersion(a, ifMatch != null ? ifMatch : edit.version());
        a.claim = a.status == State.DRAFT
                ? catalog.checkedDraftClaim(a.clauseId, edit.claim())
                : catalog.checkedClaimFacts(edit.claim());
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        ApplicationEntity.getEntityManager().flush();
        return view(a);
    }

    /** 409 {@code not-editable} unless the application is a draft or returned for material. */
    public static void mustBeEditable(ApplicationEntity a, String what) {
        if (a.status != State.DRAFT && a.status != State.RETURNED) {
            throw new ProblemException(409, "not-editable", "Not editable in this state",
                    "申报处于「" + a.status.zh() + "」，只有草稿或退回补充材料的申报可以修改 / only a DRAFT or RETURNED"
                            + " application can " + what + "; this one is " + a.status,
                    Map.of("status", a.status.name()));
        }
    }

    /** 428 without a version, 412 when it is not the application's current one. */
    public static void checkVersion(ApplicationEntity a, Integer version) {
        if (version == null) {
            throw new ProblemException(428, "precondition-required", "Version required",
                    "send the version you read (the ETag) as If-Match or as \"version\"; current version: "
                            + a.version,
                    Map.of("currentVersion", a.version));
        }
        if (version != a.version) {
            throw new ProblemException(412, "stale-version", "The application changed",
                    "you acted on version " + version + " but the application is at version " + a.version
                            + " (" + a.status + "): read it again and decide on what it is now",
                    Map.of("yourVersion", version, "currentVersion", a.version, "status", a.status.name()));
        }
    }

    /** SUBMIT (DRAFT to SUBMITTED) is announced by application.submitted.v1, which carries the claim. */
    private void announceSubmission(ApplicationEntity a, String actorId, OffsetDateTime now) {
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
        outbox.publish(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_SUBMITTED, SOURCE, a.uscc,
                new ApplicationSubmittedV1(a.id, a.uscc, a.clauseId, a.year, a.claim, now, a.revision)));
    }

    private static ProblemException duplicate(String uscc, String clauseId, int year) {
        return new ProblemException(409, "duplicate-application", "Already applied",
                uscc + " has already applied for " + clauseId + " for " + year,
                Map.of("uscc", uscc, "clauseId", clauseId, "year", year));
    }

    public ApplicationView get(UUID id) {
        return view(find(id));
    }

    /**
     * The application if the caller may read it: the enterprise its own, officials and systems any that was submitted
     * (a draft, or a draft withdrawn, is the enterprise's alone). Anything else is the 404 of a missing application.
     */
    public ApplicationEntity readable(UUID id, Caller caller) {
        ApplicationEntity a = ApplicationEntity.findById(id);
        Supplier<ProblemException> notFound = () -> ProblemException.notFound("application", id.toString());
        if (a == null) {
            throw notFound.get();
        }
        caller.mayRead(a.uscc, notFound);
        if (a.submittedAt == null && !caller.is(Roles.ENTERPRISE)) {
            throw notFound.get();
        }
        return a;
    }

    public ApplicationView view(ApplicationEntity a) {
        return ApplicationView.of(a, catalog.department(a.clauseId).orElse(null),
                AttachmentEntity.<AttachmentEntity>find("applicationId = ?1 order by uploadedAt, id", a.id).list()
                        .stream().map(AttachmentView::of).toList());
    }

    /** An enterprise's applications, newest first; its drafts only for the enterprise itself. */
    public List<ApplicationView> ofEnterprise(String uscc, boolean withDrafts, int offset, int limit) {
        return ApplicationEntity.<ApplicationEntity>find("uscc = ?1" + (withDrafts ? "" : " and status <> ?2")
                + " order by createdAt desc, id",
                withDrafts
                        ? new Object[]{UnifiedSocialCreditCode.normalize(uscc)}
                        : new Object[]{UnifiedSocialCreditCode.normalize(uscc), State.DRAFT})
                .range(offset, offset + limit - 1).list().stream().map(this::view).toList();
    }

    /**
     * Records eligibility-service's determination (DETERMINE_ELIGIBLE or DETERMINE_INELIGIBLE by the system); runs
     * inside the consumer's transaction. An application already past SUBMITTED (the award overtook the determination,
     * or the enterprise withdrew) keeps its state and gets the reasons.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void determined(EligibilityDeterminedV1 d, String source) {
        ApplicationEntity a = locked(d.applicationId(), "determination");
        if (d.revision() < a.revision) {
            // A late determination of a revision the enterprise has since resubmitted: superseded.
            LOG.infof("application %s: determination of revision %d ignored, the application is at revision %d",
                    a.id, d.revision(), a.revision);
            return;
        }
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
