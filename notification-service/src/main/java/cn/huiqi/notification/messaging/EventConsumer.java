package cn.huiqi.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.notification.inbox.InboxService;
import cn.huiqi.support.outbox.ProcessedEvents;

/** Turns what enterprises should hear about into inbox messages, one per event however often it is delivered. */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "notification-service";

    private final ProcessedEvents processed;
    private final InboxService inbox;

    public EventConsumer(ProcessedEvents processed, InboxService inbox) {
        this.processed = processed;
        this.inbox = inbox;
    }

    /** application.submitted and application.state-changed share the topic (and so their order per enterprise). */
    @Incoming("application-events")
    @Blocking
    @Transactional
    public void onApplication(String record) {
        EventEnvelope event = EventCodec.decode(record);
        switch (event.type()) {
            case EventTypes.APPLICATION_SUBMITTED -> {
                if (processed.firstDelivery(CONSUMER, event)) {
                    inbox.applicationSubmitted(event, event.dataAs(ApplicationSubmittedV1.class));
                }
            }
            case EventTypes.APPLICATION_STATE_CHANGED -> {
                if (processed.firstDelivery(CONSUMER, event)) {
                    inbox.stateChanged(event, event.dataAs(ApplicationStateChangedV1.class));
                }
            }
            default -> {
                // Other application events are not for the inbox.
            }
        }
    }

    @Incoming("eligibility-events")
    @Blocking
    @Transactional
    public void onEligibility(String record) {
        processed.apply(CONSUMER, record, EventTypes.ELIGIBILITY_DETERMINED, EligibilityDeterminedV1.class,
                inbox::determined);
    }

    /** award-service's ledger: proposed, granted, awaiting budget, released, corrected. */
    @Incoming("award-events")
    @Blocking
    @Transactional
    public void onAward(String record) {
        EventEnvelope event = EventCodec.decode(record);
        switch (event.type()) {
            case EventTypes.AWARD_PROPOSED -> processed.apply(CONSUMER, record, EventTypes.AWARD_PROPOSED,
                    AwardProposedV1.class, inbox::awardProposed);
            case EventTypes.AWARD_GRANTED -> {
                if (processed.firstDelivery(CONSUMER, event)) {
                    inbox.awardGranted(event, event.dataAs(AwardGrantedV1.class));
                }
            }
            case EventTypes.AWARD_AWAITING_BUDGET -> {
                if (processed.firstDelivery(CONSUMER, event)) {
                    inbox.awardAwaitingBudget(event, event.dataAs(AwardAwaitingBudgetV1.class));
                }
            }
            case EventTypes.AWARD_RELEASED -> {
                if (processed.firstDelivery(CONSUMER, event)) {
                    inbox.awardReleased(event, event.dataAs(AwardReleasedV1.class));
                }
            }
            case EventTypes.AWARD_CORRECTED -> {
                if (processed.firstDelivery(CONSUMER, event)) {
                    inbox.awardCorrected(event, event.dataAs(AwardCorrectedV1.class));
                }
            }
            default -> {
                // other award events are not for the inbox
            }
        }
    }
}
