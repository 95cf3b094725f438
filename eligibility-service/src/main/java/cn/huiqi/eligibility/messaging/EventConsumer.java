package cn.huiqi.eligibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.eligibility.determination.DeterminationService;
import cn.huiqi.events.EventCodec;
import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.EnterpriseRegisteredV1;
import cn.huiqi.support.outbox.ProcessedEvents;

/** Feeds enterprise and application events into determinations, each event exactly once. */
@ApplicationScoped
public class EventConsumer {

    static final String CONSUMER = "eligibility-service";

    private final ProcessedEvents processed;
    private final DeterminationService determinations;

    public EventConsumer(ProcessedEvents processed, DeterminationService determinations) {
        this.processed = processed;
        this.determinations = determinations;
    }

    @Incoming("enterprise-events")
    @Blocking
    @Transactional
    public void onEnterprise(String record) {
        EventEnvelope event = EventCodec.decode(record);
        if (EventTypes.ENTERPRISE_REGISTERED.equals(event.type()) && processed.firstDelivery(CONSUMER, event)) {
            determinations.enterpriseRegistered(event.dataAs(EnterpriseRegisteredV1.class));
        }
    }

    @Incoming("application-events")
    @Blocking
    @Transactional
    public void onApplication(String record) {
        EventEnvelope event = EventCodec.decode(record);
        if (EventTypes.APPLICATION_SUBMITTED.equals(event.type()) && processed.firstDelivery(CONSUMER, event)) {
            determinations.applicationSubmitted(event.dataAs(ApplicationSubmittedV1.class));
        }
    }
}
