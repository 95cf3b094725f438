package cn.huiqi.award.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;

import cn.huiqi.award.ledger.AwardService;
import cn.huiqi.award.ledger.TxRetry;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.support.outbox.ProcessedEvents;

/**
 * Follows each application's lifecycle into the ledger (application.state-changed.v1): approval grants, disbursement
 * and clawback are recorded, rejection and withdrawal release the proposal. Each event exactly once.
 */
@ApplicationScoped
public class ApplicationConsumer {

    private final ProcessedEvents processed;
    private final AwardService awards;
    private final TxRetry tx;

    public ApplicationConsumer(ProcessedEvents processed, AwardService awards, TxRetry tx) {
        this.processed = processed;
        this.awards = awards;
        this.tx = tx;
    }

    @Incoming("application-events")
    @Blocking
    public void onApplication(String record) {
        tx.inNewTransaction(() -> processed.apply(EligibilityConsumer.CONSUMER, record,
                EventTypes.APPLICATION_STATE_CHANGED, ApplicationStateChangedV1.class,
                (event, change) -> awards.onStateChanged(change, event.id())));
    }
}
