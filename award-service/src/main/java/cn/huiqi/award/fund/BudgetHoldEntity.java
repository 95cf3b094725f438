package cn.huiqi.award.fund;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An approved award its fund could not cover: awaiting budget, never reduced. */
@Entity
@Table(name = "budget_hold")
public class BudgetHoldEntity extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "fund_id")
    public UUID fundId;

    public String uscc;

    @Column(name = "clause_id")
    public String clauseId;

    public int year;

    public BigDecimal amount;

    public String reason;

    @Column(name = "caused_by")
    public UUID causedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The order awards began to wait in, from a database sequence: a raised fund grants them in it. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    /** When a raised fund granted the award; null while it waits. */
    @Column(name = "granted_at")
    public OffsetDateTime grantedAt;
}
