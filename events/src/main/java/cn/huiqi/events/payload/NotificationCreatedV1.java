package cn.huiqi.events.payload;

import java.util.UUID;

/** A message was put in a recipient's in-app inbox. */
public record NotificationCreatedV1(UUID notificationId, String recipient, String channel, String title,
        UUID causedBy) {
}
