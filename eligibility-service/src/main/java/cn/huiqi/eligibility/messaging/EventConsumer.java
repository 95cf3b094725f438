package cn.huiqi.eligibility.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.eligibility.determination.DeterminationService;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.EnterpriseProfileChangedV1;
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
        processed.apply(CONSUMER, record, EventTypes.ENTERPRISE_REGISTERED, EnterpriseRegisteredV1.class,
                (event, enterprise) -> determinations.enterpriseRegistered(enterprise));
        processed.apply(CONSUMER, record, EventTypes.ENTERPRISE_PROFILE_CHANGED, EnterpriseProfileChangedV1.class,
                (event, enterprise) -> determinations.enterpriseProfileChanged(enterprise));
    }

    @Incoming("application-events")
    @Blocking
    @Transactional
    public void onApplication(String record) {
        processed.apply(CONSUMER, record, EventTypes.APPLICATION_SUBMITTED, ApplicationSubmittedV1.class,
                (event, application) -> determinations.applicationSubmitted(application));
    }
}
