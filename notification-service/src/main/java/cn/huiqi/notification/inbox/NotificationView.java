package cn.huiqi.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An inbox message. */
@Schema(name = "Notification")
public record NotificationView(UUID id, String recipient, String kind, String title, String body, UUID causedBy,
        OffsetDateTime createdAt, OffsetDateTime readAt) {

    static NotificationView of(NotificationEntity n) {
        return new NotificationView(n.id, n.recipient, n.kind, n.title, n.body, n.causedBy, n.createdAt, n.readAt);
    }
}
