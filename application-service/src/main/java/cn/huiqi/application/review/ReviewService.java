package cn.huiqi.application.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ApplicationEntity;
import cn.huiqi.application.apply.ApplicationService;
import cn.huiqi.application.apply.ApplicationView;
import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.application.calendar.WorkingDayCalendar;
import cn.huiqi.application.clause.ClauseReviewSettings;
import cn.huiqi.application.clause.ExpertReview;
import cn.huiqi.application.clause.ReviewSettings;
import cn.huiqi.application.lifecycle.Action;
import cn.huiqi.application.lifecycle.Actor;
import cn.huiqi.application.lifecycle.Lifecycle;
import cn.huiqi.application.lifecycle.State;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/**
 * Officials', enterprises' and systems' actions on applications: the actor from the token, department scope,
 * optimistic concurrency, the rules of 公示 and of amounts, then {@link Transitions#take}.
 */
@ApplicationScoped
public class ReviewService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Transitions transitions;
    private final ApplicationService applications;
    private final ClauseCatalog catalog;
    private final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
    private final ClauseReviewSettings reviewSettings;

    public ReviewService(Transitions transitions, ApplicationService applications, ClauseCatalog catalog,
            ClauseReviewSettings reviewSettings) {
        this.transitions = transitions;
        this.applications = applications;
        this.catalog = catalog;
        this.reviewSettings = reviewSettings;
    }

    /** The actor a token's role makes; policy-admins take no action (the resource refuses them first). */
    static Actor actorOf(Caller caller) {
        if (caller.is(Roles.OFFICIAL)) {
            return Actor.OFFICIAL;
        }
        if (caller.is(Roles.SYSTEM)) {
            return Actor.SYSTEM;
        }
        if (caller.is(Roles.ENTERPRISE)) {
            return Actor.ENTERPRISE;
        }
        throw new ProblemException(403, "forbidden", "Forbidden", "this role takes no action on applications");
    }

    /**
     * Takes {@code request.action()} on application {@code id} as the caller.
     *
     * @param ifMatch the version from the If-Match header, or null to use the body's
     */
    @Transactional
    public ApplicationView act(UUID id, ActionRequest request, Integer ifMatch, Caller caller) {
        ApplicationEntity a = ApplicationEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.submittedAt == null && !caller.is(Roles.ENTERPRISE)) {
            // A draft (or a draft withdrawn) is the enterprise's alone.
            throw ProblemException.notFound("application", id.toString());
        }
        caller.mayRead(a.uscc, () -> ProblemException.notFound("application", id.toString()));
        Actor actor = actorOf(caller);
        Action action = request.parsedAction();
        if (action.actor() != actor) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "「" + action.zh() + "」 (" + action + ") is for " + name(action.actor()) + ", not "
                            + name(actor) + "; you may: " + Lifecycle.allowed(a.status, actor),
                    Map.of("action", action.name(), "allowedActions", names(Lifecycle.allowed(a.status, actor))));
        }
        String department = catalog.department(a.clauseId).orElse(null);
        if (actor == Actor.OFFICIAL) {
            caller.mustCoverDepartment(department);
        }
        ApplicationService.checkVersion(a, ifMatch != null ? ifMatch : request.version());
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (action.needsReason() && reason == null) {
            throw new ProblemException(422, "validation", "Reason required",
                    action + " needs a reason", Map.of("violations",
                            List.of(Map.of("field", "reason", "message", action + " needs a reason"))));
        }
        if (action == Action.APPROVE && a.status == State.OBJECTION_RAISED) {
            throw new ProblemException(409, "objection-open", "An objection is open",
                    "公示期内有未处理的异议：先处理异议（DISMISS_OBJECTION 或 REJECT）再批准 / an objection is open:"
                            + " dismiss it or reject the application before approving",
                    Map.of("status", a.status.name(), "allowedActions",
                            names(Lifecycle.allowed(a.status, actor))));
        }
        refuseIfNotAllowed(a, action, actor);
        ReviewSettings.View settings = reviewSettings.current(a.clauseId);
        refuseByClauseSettings(a, action, actor, settings);
        LocalDate today = LocalDate.now(CHINA);
        BigDecimal amount = amount(a, action, request.amount(), today);
        LocalDate noticeEndsOn = null;
        switch (action) {
            case START_PUBLIC_NOTICE -> {
                try {
                    noticeEndsOn = calendar.periodEnd(today, settings.publicNoticeWorkingDays());
                } catch (WorkingDayCalendar.CalendarUnknownException e) {
                    throw new ProblemException(503, "calendar-unknown", "Working-day calendar incomplete",
                            e.getMessage(), Map.of("year", e.year()));
                }
                a.noticeEndsOn = noticeEndsOn;
            }
            case APPROVE -> a.approvedAmount = amount;
            case DISBURSE -> a.disbursedAmount = amount;
            case CLAW_BACK -> a.clawbackAmount = amount;
            case DISMISS_OBJECTION -> resolveObjections(a.id, "DISMISSED");
            case REJECT -> resolveObjections(a.id, "UPHELD");
            case SUBMIT -> {
                // A draft is submitted with the checks of a direct submission, announced by application.submitted.
                applications.submitDraft(a, caller.subject());
                ApplicationEntity.getEntityManager().flush();
                return applications.view(a);
            }
            case RESUBMIT -> {
                applications.resubmit(a, caller.subject());
                ApplicationEntity.getEntityManager().flush();
                return applications.view(a);
            }
            default -> {
            }
        }
        transitions.take(a, action, actor, new Transitions.Details(caller.subject(), reason, amount, noticeEndsOn));
        ApplicationEntity.getEntityManager().flush();
        return applications.view(a);
    }

    /** 专家评审 per clause: REQUIRED means no 公示 straight from formal review, NOT_USED means no experts. */
    private static void refuseByClauseSettings(ApplicationEntity a, Action action, Actor actor,
            ReviewSettings.View settings) {
        if (action == Action.START_PUBLIC_NOTICE && a.status == State.FORMAL_REVIEW
                && settings.expertReview() == ExpertReview.REQUIRED) {
            throw new ProblemException(409, "expert-review-required", "Expert review required",
                    "本条款须经专家评审后方可进入公示：先「" + Action.SEND_TO_EXPERTS.zh() + "」(SEND_TO_EXPERTS) / clause "
                            + a.clauseId + " requires expert review: SEND_TO_EXPERTS before START_PUBLIC_NOTICE",
                    Map.of("status", a.status.name(), "clauseId", a.clauseId, "expertReview", "REQUIRED",
                            "allowedActions", names(Lifecycle.allowed(a.status, actor).stream()
                                    .filter(x -> x != Action.START_PUBLIC_NOTICE).toList())));
        }
        if (action == Action.SEND_TO_EXPERTS && settings.expertReview() == ExpertReview.NOT_USED) {
            throw new ProblemException(409, "expert-review-not-used", "No expert review for this clause",
                    "本条款不设专家评审 / clause " + a.clauseId + " has no expert review: START_PUBLIC_NOTICE after"
                            + " formal review",
                    Map.of("status", a.status.name(), "clauseId", a.clauseId, "expertReview", "NOT_USED",
                            "allowedActions", names(Lifecycle.allowed(a.status, actor).stream()
                                    .filter(x -> x != Action.SEND_TO_EXPERTS).toList())));
        }
    }

    private static void refuseIfNotAllowed(ApplicationEntity a, Action action, Actor actor) {
        if (!action.from().contains(a.status)) {
            List<Action> allowed = Lifecycle.allowed(a.status, actor);
            throw new ProblemException(409, "invalid-transition", "Not allowed in this state",
                    "申报处于「" + a.status.zh() + "」，不能「" + action.zh() + "」；可执行：" + zh(allowed)
                            + " / the application is " + a.status + "; " + action + " is allowed only from "
                            + action.from(),
                    Map.of("status", a.status.name(), "action", action.name(), "allowedActions", names(allowed)));
        }
    }

    /** The amount an action carries, checked: never more than the previous step allowed. */
    private static BigDecimal amount(ApplicationEntity a, Action action, BigDecimal requested, LocalDate today) {
        switch (action) {
            case APPROVE -> {
                if (a.noticeEndsOn != null && !today.isAfter(a.noticeEndsOn)) {
                    throw new ProblemException(409, "public-notice-running", "The public notice is not over",
                            "公示期至 " + a.noticeEndsOn + " 结束，结束后才能批准 / the public notice ends on "
                                    + a.noticeEndsOn + "; approve from the next day",
                            Map.of("noticeEndsOn", a.noticeEndsOn.toString()));
                }
                return bounded(requested, a.amount, "the proposed amount", true);
            }
            case DISBURSE -> {
                return bounded(requested, a.approvedAmount, "the approved amount", true);
            }
            case CLAW_BACK -> {
                BigDecimal paid = a.disbursedAmount != null ? a.disbursedAmount : a.approvedAmount;
                return bounded(requested, paid, "the amount granted", false);
            }
            default -> {
                if (requested != null) {
                    throw new ProblemException(422, "invalid-amount", "No amount for this action",
                            "only APPROVE, DISBURSE and CLAW_BACK carry an amount, not " + action,
                            Map.of("action", action.name()));
                }
                return null;
            }
        }
    }

    private static BigDecimal bounded(BigDecimal requested, BigDecimal limit, String what, boolean defaultToLimit) {
        if (requested == null) {
            if (defaultToLimit && limit != null) {
                return limit;
            }
            throw new ProblemException(422, "invalid-amount", "Amount required",
                    "state the amount (CNY, at most " + what + (limit == null ? "" : " " + limit) + ")",
                    Map.of());
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("amount", requested.toPlainString());
        if (limit != null) {
            ext.put("limit", limit.toPlainString());
        }
        if (requested.signum() <= 0 || requested.scale() > 2) {
            throw new ProblemException(422, "invalid-amount", "Invalid amount",
                    "an amount is positive CNY with at most two decimals, not " + requested.toPlainString(), ext);
        }
        if (limit != null && requested.compareTo(limit) > 0) {
            throw new ProblemException(422, "invalid-amount", "Amount over the limit",
                    requested.toPlainString() + " is more than " + what + " " + limit.toPlainString()
                            + " (by " + requested.subtract(limit).toPlainString() + ")",
                    ext);
        }
        return requested.setScale(2);
    }

    private static void resolveObjections(UUID applicationId, String resolution) {
        ApplicationEntity.getEntityManager().createNativeQuery("UPDATE objection SET resolved_at = ?1, resolution = ?2"
                + " WHERE application_id = ?3 AND resolved_at IS NULL")
                .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(2, resolution)
                .setParameter(3, applicationId).executeUpdate();
    }

    /** The application's history, oldest first. */
    public List<HistoryEntry> history(UUID applicationId) {
        return ActionEntity.<ActionEntity>find("applicationId = ?1 order by id", applicationId).list().stream()
                .map(HistoryEntry::of).toList();
    }

    private static String name(Actor actor) {
        return switch (actor) {
            case ENTERPRISE -> "the applicant enterprise";
            case OFFICIAL -> "an official of the clause's department";
            case SYSTEM -> "the platform or a government system";
            case PUBLIC -> "the public (an objection during 公示)";
        };
    }

    private static List<String> names(List<Action> actions) {
        return actions.stream().map(Action::name).toList();
    }

    private static String zh(List<Action> actions) {
        return actions.isEmpty() ? "（无）" : String.join("、", actions.stream().map(Action::zh).toList());
    }
}
