package cn.huiqi.eligibility.determination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import cn.huiqi.events.payload.EnterpriseCreditPeriodV1;

/** What eligibility-service knows of an enterprise, built from {@code enterprise.*} events. */
@Entity
@Table(name = "enterprise_projection")
public class EnterpriseProjectionEntity extends PanacheEntityBase {

    @Id
    public String uscc;

    public String name;

    @Column(name = "legal_form")
    public String legalForm;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "registration_date")
    public LocalDate registrationDate;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The profile version of application-service this copy is of: an older change arriving late is ignored. */
    @Column(name = "profile_version")
    public long profileVersion;

    /** 失信: whether a record blocked the enterprise when its profile last changed. */
    @Column(name = "credit_blocked")
    public boolean creditBlocked;

    /** 失信 records as the last profile change listed them. */
    @Column(name = "credit_records")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<EnterpriseCreditPeriodV1> creditRecords;
}
