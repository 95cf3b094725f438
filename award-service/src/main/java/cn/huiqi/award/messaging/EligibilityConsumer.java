package cn.huiqi.award.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.award.ledger.AwardService;
import cn.huiqi.award.ledger.TxRetry;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.support.outbox.ProcessedEvents;

/** Computes a proposed award for every eligible determination (again for a resubmission), each event exactly once. */
@ApplicationScoped
public class EligibilityConsumer {

    static final String CONSUMER = "award-service";

    private final ProcessedEvents processed;
    private final AwardService awards;
    private final TxRetry tx;

    public EligibilityConsumer(ProcessedEvents processed, AwardService awards, TxRetry tx) {
        this.processed = processed;
        this.awards = awards;
        this.tx = tx;
    }

    /** One transaction per record (the processed-event row and the effect together), retried on serialization failure. */
    @Incoming("eligibility-events")
    @Blocking
    public void onEligibility(String record) {
        tx.inNewTransaction(() -> processed.apply(CONSUMER, record, EventTypes.ELIGIBILITY_DETERMINED,
                EligibilityDeterminedV1.class, (event, determination) -> {
                    awards.determine(determination, event.id());
                }));
    }
}
