package cn.huiqi.award.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.award.ledger.AwardService;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.support.outbox.ProcessedEvents;

/** Computes a proposed award for every eligible determination, each event exactly once. */
@ApplicationScoped
public class EligibilityConsumer {

    static final String CONSUMER = "award-service";

    private final ProcessedEvents processed;
    private final AwardService awards;

    public EligibilityConsumer(ProcessedEvents processed, AwardService awards) {
        this.processed = processed;
        this.awards = awards;
    }

    @Incoming("eligibility-events")
    @Blocking
    @Transactional
    public void onEligibility(String record) {
        processed.apply(CONSUMER, record, EventTypes.ELIGIBILITY_DETERMINED, EligibilityDeterminedV1.class,
                (event, determination) -> {
                    if (determination.eligible()) {
                        awards.propose(determination);
                    }
                });
    }
}
