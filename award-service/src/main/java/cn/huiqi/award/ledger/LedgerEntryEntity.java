package cn.huiqi.award.ledger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One append-only entry of the award ledger, with what it was computed from. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntryEntity extends PanacheEntityBase {

    public static final String PROPOSED = "PROPOSED";

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    public String uscc;

    @Column(name = "clause_id")
    public String clauseId;

    public int year;

    public String kind;

    /** grant, investment or non_monetary. */
    @Column(name = "award_kind")
    public String awardKind;

    /** computed, review_maximum (the amount is the most review can grant) or not_computable. */
    @Column(name = "amount_basis")
    public String amountBasis;

    public BigDecimal amount;

    @Column(name = "uncapped_amount")
    public BigDecimal uncappedAmount;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> trace;

    @Column(name = "caps_applied")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> capsApplied;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
