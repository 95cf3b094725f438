package cn.huiqi.application.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.application.apply.ApplicationService;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.support.outbox.ProcessedEvents;

/** Applies determinations and proposed awards to applications, each event exactly once. */
@ApplicationScoped
public class DecisionConsumer {

    static final String CONSUMER = "application-service";

    private final ProcessedEvents processed;
    private final ApplicationService applications;

    public DecisionConsumer(ProcessedEvents processed, ApplicationService applications) {
        this.processed = processed;
        this.applications = applications;
    }

    @Incoming("eligibility-events")
    @Blocking
    @Transactional
    public void onEligibility(String record) {
        processed.apply(CONSUMER, record, EventTypes.ELIGIBILITY_DETERMINED, EligibilityDeterminedV1.class,
                (event, determination) -> applications.determined(determination, event.source()));
    }

    @Incoming("award-events")
    @Blocking
    @Transactional
    public void onAward(String record) {
        processed.apply(CONSUMER, record, EventTypes.AWARD_PROPOSED, AwardProposedV1.class,
                (event, award) -> applications.awardProposed(award, event.source()));
    }
}
