package cn.huiqi.application.apply;

import java.math.BigDecimal;
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

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    public BigDecimal amount;

    @Column(name = "uncapped_amount")
    public BigDecimal uncappedAmount;

    /** The determination's explained conditions, as eligibility-service sent them. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReasonV1> reasons;

    @Column(name = "award_trace")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> awardTrace;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
