package cn.huiqi.notification.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.huiqi.events.EventEnvelope;
import cn.huiqi.events.EventTypes;
import cn.huiqi.events.Topics;
import cn.huiqi.events.payload.ApplicationStateChangedV1;
import cn.huiqi.events.payload.ApplicationSubmittedV1;
import cn.huiqi.events.payload.AwardAwaitingBudgetV1;
import cn.huiqi.events.payload.AwardCorrectedV1;
import cn.huiqi.events.payload.AwardGrantedV1;
import cn.huiqi.events.payload.AwardProposedV1;
import cn.huiqi.events.payload.AwardReleasedV1;
import cn.huiqi.events.payload.EligibilityDeterminedV1;
import cn.huiqi.events.payload.NotificationCreatedV1;
import cn.huiqi.support.outbox.Outbox;

/** Puts messages in enterprises' in-app inboxes and reads them back. */
@ApplicationScoped
public class InboxService {

    static final String SOURCE = "huiqi/notification-service";

    private final Outbox outbox;

    public InboxService(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * The first submission only: a resubmission (revision above 0) was already told by its RESUBMIT transition
     * ("申请已重新提交"), so its application.submitted adds no second message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applicationSubmitted(EventEnvelope cause, ApplicationSubmittedV1 a) {
        if (a.revision() == 0) {
            deliver(cause, a.uscc(), Messages.submitted(a));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void determined(EventEnvelope cause, EligibilityDeterminedV1 d) {
        if (!d.eligible()) {
            deliver(cause, d.uscc(), Messages.ineligible(d));
        }
    }

    /**
     * A lifecycle transition: a message for the enterprise when the transition concerns it. Eligibility and the
     * proposed award have their own events and messages, so DETERMINE_* and PROPOSE_AWARD (and SUBMIT) add none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateChanged(EventEnvelope cause, ApplicationStateChangedV1 change) {
        Messages.stateChanged(change).ifPresent(m -> deliver(cause, change.uscc(), m));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awardProposed(EventEnvelope cause, AwardProposedV1 award) {
        deliver(cause, award.uscc(), Messages.awardProposed(award));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awardGranted(EventEnvelope cause, AwardGrantedV1 award) {
        deliver(cause, award.uscc(), Messages.awardGranted(award));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awardAwaitingBudget(EventEnvelope cause, AwardAwaitingBudgetV1 award) {
        deliver(cause, award.uscc(), Messages.awardAwaitingBudget(award));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awardReleased(EventEnvelope cause, AwardReleasedV1 award) {
        deliver(cause, award.uscc(), Messages.awardReleased(award));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void awardCorrected(EventEnvelope cause, AwardCorrectedV1 award) {
        deliver(cause, award.uscc(), Messages.awardCorrected(award));
    }

    public List<NotificationView> inbox(String recipient, int offset, int limit) {
        return NotificationEntity.<NotificationEntity>find("recipient = ?1 and channel = ?2 order by createdAt desc",
                recipient.trim().toUpperCase(java.util.Locale.ROOT), NotificationEntity.IN_APP)
                .range(offset, offset + limit - 1).list().stream().map(NotificationView::of).toList();
    }

    private void deliver(EventEnvelope cause, String recipient, Messages.Message message) {
        NotificationEntity n = new NotificationEntity();
        n.id = UUID.randomUUID();
        n.recipient = recipient;
        n.channel = NotificationEntity.IN_APP;
        n.kind = message.kind();
        n.title = message.title();
        n.body = message.body();
        n.causedBy = cause.id();
        n.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.persist();
        outbox.publish(Topics.NOTIFICATION, EventEnvelope.of(EventTypes.NOTIFICATION_CREATED, SOURCE, recipient,
                new NotificationCreatedV1(n.id, recipient, n.channel, n.title, cause.id())));
    }
}
