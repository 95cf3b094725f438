package cn.huiqi.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardProposedV1;
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

    @Incoming("application-events")
    @Blocking
    @Transactional
    public void onApplication(String record) {
        EventEnvelope event = EventCodec.decode(record);
        if (EventTypes.APPLICATION_SUBMITTED.equals(event.type()) && processed.firstDelivery(CONSUMER, event)) {
            inbox.applicationSubmitted(event, event.dataAs(ApplicationSubmittedV1.class));
        }
    }

    @Incoming("eligibility-events")
    @Blocking
    @Transactional
    public void onEligibility(String record) {
        EventEnvelope event = EventCodec.decode(record);
        if (EventTypes.ELIGIBILITY_DETERMINED.equals(event.type()) && processed.firstDelivery(CONSUMER, event)) {
            inbox.determined(event, event.dataAs(EligibilityDeterminedV1.class));
        }
    }

    @Incoming("award-events")
    @Blocking
    @Transactional
    public void onAward(String record) {
        EventEnvelope event = EventCodec.decode(record);
        if (EventTypes.AWARD_PROPOSED.equals(event.type()) && processed.firstDelivery(CONSUMER, event)) {
            inbox.awardProposed(event, event.dataAs(AwardProposedV1.class));
        }
    }
}
