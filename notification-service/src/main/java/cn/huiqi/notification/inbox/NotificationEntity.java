package cn.huiqi.notification.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message to one recipient (an enterprise's USCC) on one channel. */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    public static final String IN_APP = "in-app";

    @Id
    public UUID id;

    public String recipient;

    public String channel;

    public String kind;

    public String title;

    public String body;

    @Column(name = "caused_by")
    public UUID causedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
