package cn.huiqi.application.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ApplicationEntity;
import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.application.lifecycle.Action;
import cn.huiqi.application.lifecycle.Actor;
import cn.huiqi.application.lifecycle.Lifecycle;
import cn.huiqi.application.lifecycle.State;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.support.outbox.Outbox;

/**
 * Takes a transition on an application: the state through {@link Lifecycle#apply}, an entry in its history and
 * {@code application.state-changed.v1} in the outbox, all in the caller's transaction.
 */
@ApplicationScoped
public class Transitions {

    static final String SOURCE = "huiqi/application-service";

    private final Outbox outbox;
    private final ClauseCatalog catalog;

    public Transitions(Outbox outbox, ClauseCatalog catalog) {
        this.outbox = outbox;
        this.catalog = catalog;
    }

    /** The event contract's amount: approval, disbursement and clawback only (the history keeps the others'). */
    static boolean carriesAmount(Action action) {
        return action == Action.APPROVE || action == Action.DISBURSE || action == Action.CLAW_BACK;
    }

    /** What the transition carries besides the action: why, how much, until when. */
    public record Details(String actorId, String reason, BigDecimal amount, LocalDate noticeEndsOn) {

        public static Details of(String actorId) {
            return new Details(actorId, null, null, null);
        }
    }

    /**
     * Moves the application on; the caller holds its row lock.
     *
     * @throws Lifecycle.TransitionRefused when the state or the actor does not allow the action
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(ApplicationEntity a, Action action, Actor actor, Details details) {
        State from = a.status;
        State to = Lifecycle.apply(from, action, actor);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        a.status = to;
        a.updatedAt = now;
        String department = catalog.department(a.clauseId).orElse(null);
        ActionEntity entry = new ActionEntity();
        entry.applicationId = a.id;
        entry.occurredAt = now;
        entry.action = action.name();
        entry.fromState = from.name();
        entry.toState = to.name();
        entry.actor = actor.name().toLowerCase(Locale.ROOT);
        entry.actorId = details.actorId();
        entry.department = department;
        entry.reason = details.reason();
        entry.amount = details.amount();
        entry.noticeEndsOn = details.noticeEndsOn();
        entry.persist();
        if (from == State.DRAFT) {
            // A draft was never announced (a withdrawn draft is the enterprise's own affair): no event.
            return;
        }
        outbox.publish(Topics.APPLICATION, EventEnvelope.of(EventTypes.APPLICATION_STATE_CHANGED, SOURCE, a.uscc,
                new ApplicationStateChangedV1(a.id, a.uscc, a.clauseId, a.year, from.name(), to.name(),
                        action.name(), entry.actor, details.actorId(), department, details.reason(),
                        carriesAmount(action) ? details.amount() : null,
                        details.noticeEndsOn() == null ? null : details.noticeEndsOn().toString())));
    }
}
