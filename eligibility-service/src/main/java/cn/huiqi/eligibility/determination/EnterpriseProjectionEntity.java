package cn.huiqi.eligibility.determination;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
}
