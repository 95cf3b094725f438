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

    /** The award computed for an eligible determination: a decision record. */
    public static final String PROPOSED = "PROPOSED";
    /** Approved by the official (at most what the application holds). */
    public static final String GRANTED = "GRANTED";
    /** Paid, as the finance system reported it. */
    public static final String DISBURSED = "DISBURSED";
    /** To be recovered. */
    public static final String CLAWED_BACK = "CLAWED_BACK";
    /** A proposal that no longer holds cap room: rejected, withdrawn, or replaced by a better award of its group. */
    public static final String RELEASED = "RELEASED";
    /** A correction that raises the award. */
    public static final String TOP_UP = "TOP_UP";
    /** A correction that lowers the award. */
    public static final String REVERSAL = "REVERSAL";

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

    /** The change to what the application holds against caps, limits and groups. */
    @Column(name = "held_delta")
    public BigDecimal heldDelta;

    public String reason;

    @Column(name = "caused_by")
    public UUID causedBy;

    /** sha256 of the policy pack's files the engine read (decision records). */
    @Column(name = "pack_version")
    public String packVersion;

    /** The engine's amount, before the ledger's stacking groups (decision records). */
    @Column(name = "computed_amount")
    public BigDecimal computedAmount;

    /** What the engine was told was already held: cap id → amount, limit id → awards counted. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> history;

    /** sha256 of the clause's award encoding the engine read (decision records); see {@link PackVersion#ofClause}. */
    @Column(name = "clause_hash")
    public String clauseHash;

    @Column(name = "stacking_group")
    public String stackingGroup;

    /** The fund a granted award draws on (GRANTED and the entries after it). */
    @Column(name = "fund_id")
    public UUID fundId;

    /** The revision (submission) of the application whose proposal this entry follows; 0 for the first. */
    public int revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The order of writing, from a database sequence. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
