package cn.huiqi.eligibility.determination;

import java.time.LocalDate;
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

import cn.huiqi.events.payload.ReasonV1;

/** The eligibility decision on one application, with the reasons and the facts it used. */
@Entity
@Table(name = "determination")
public class DeterminationEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String DETERMINED = "DETERMINED";

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    public String uscc;

    @Column(name = "clause_id")
    public String clauseId;

    public int year;

    /** The day the policy text is read as of (the submission date, China time). */
    @Column(name = "as_of")
    public LocalDate asOf;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> claim;

    public String state;

    /** The application's revision this determination is for: 0, then one more per resubmission. */
    public int revision;

    public Boolean eligible;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReasonV1> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "determined_at")
    public OffsetDateTime determinedAt;
}
