package cn.huiqi.application.apply;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import cn.huiqi.application.lifecycle.State;
import cn.huiqi.events.payload.ReasonV1;

/** An enterprise's application for one clause and year, with what the other services decided about it. */
@Entity
@Table(name = "application")
public class ApplicationEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    public String uscc;

    @Column(name = "clause_id")
    public String clauseId;

    public int year;

    /** Claim facts keyed by vocabulary name. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> claim;

    /** Where it stands in the lifecycle; changed only through {@code Lifecycle.apply}. */
    @Enumerated(EnumType.STRING)
    public State status;

    /** The proposed award (award-service). */
    public BigDecimal amount;

    @Column(name = "uncapped_amount")
    public BigDecimal uncappedAmount;

    /** The determination's explained conditions, as eligibility-service sent them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReasonV1> reasons;

    @Column(name = "award_trace")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> awardTrace;

    /** When it was submitted; null while a draft. */
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    /** When it (or its draft) was first saved. */
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /**
     * 0 at the first submission, one more at each RESUBMIT: application.submitted.v1 carries it, and a determination
     * of an older revision no longer moves the application.
     */
    public int revision;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** 公示: the last working day of the public notice. */
    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;

    /** What the official approved: at most the proposed amount. */
    @Column(name = "approved_amount")
    public BigDecimal approvedAmount;

    @Column(name = "disbursed_amount")
    public BigDecimal disbursedAmount;

    /** 追回: the amount to recover. */
    @Column(name = "clawback_amount")
    public BigDecimal clawbackAmount;

    /** Optimistic concurrency: the ETag of the application, the If-Match of a review action. */
    @Version
    public int version;
}
