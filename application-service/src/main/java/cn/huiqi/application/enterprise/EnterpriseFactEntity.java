package cn.huiqi.application.enterprise;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One value a fact of an enterprise had, with where it came from; append-only. */
@Entity
@Table(name = "enterprise_fact")
public class EnterpriseFactEntity extends PanacheEntityBase {

    /** The enterprise's own word. */
    public static final String DECLARED = "declared";
    /** Pushed by a government system: wins over anything declared. */
    public static final String SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String uscc;

    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    public Object value;

    public String source;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** "2025" or "2025Q3"; null for a timeless fact. */
    public String period;
}
