package cn.huiqi.application.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an application's append-only history: who took which action, when, why, with what amount. */
@Entity
@Table(name = "application_action")
public class ActionEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String action;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    /** enterprise, official, system or public. */
    public String actor;

    /** The token's subject; null for the public. */
    @Column(name = "actor_id")
    public String actorId;

    public String department;

    public String reason;

    public BigDecimal amount;

    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;
}
