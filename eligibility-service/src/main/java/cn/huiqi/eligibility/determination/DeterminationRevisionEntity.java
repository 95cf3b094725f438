package cn.huiqi.eligibility.determination;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import cn.huiqi.events.payload.ReasonV1;

/** The outcome of one revision of an application (its first submission, then each resubmission); never changed. */
@Entity
@Table(name = "determination_revision")
@IdClass(DeterminationRevisionEntity.Key.class)
public class DeterminationRevisionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Id
    public int revision;

    @Column(name = "as_of")
    public LocalDate asOf;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> claim;

    public boolean eligible;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ReasonV1> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;

    @Column(name = "determined_at")
    public OffsetDateTime determinedAt;

    /** The composite key. */
    public record Key(UUID applicationId, int revision) implements Serializable {

        public Key() {
            this(null, 0);
        }
    }
}
