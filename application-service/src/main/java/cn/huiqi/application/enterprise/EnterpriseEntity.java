package cn.huiqi.application.enterprise;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A registered enterprise (or other legal entity), keyed by its 统一社会信用代码. */
@Entity
@Table(name = "enterprise")
public class EnterpriseEntity extends PanacheEntityBase {

    @Id
    public String uscc;

    public String name;

    @Column(name = "legal_form")
    public String legalForm;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "registration_date")
    public LocalDate registrationDate;

    /** The effective profile facts keyed by vocabulary name (their history is {@link EnterpriseFactEntity}). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> facts;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    public String address;

    /** Codes of the platform's industry classification (policies/industries.yaml). */
    @Column(name = "industry_tags")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> industryTags;

    /** The contact person: personal data, shown masked to officials. Keys name, phone, email. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> contact;

    /** Grows with every change announced by {@code enterprise.profile-changed}; the registration is 1. */
    @Column(name = "profile_version")
    public long profileVersion;

    /**
     * The first day on which a recognition or a 失信 record starts or lapses after the last announcement, changing what
     * eligibility sees; {@link ProfileValiditySweep} announces the profile again then. Null: nothing dated lies ahead.
     */
    @Column(name = "profile_changes_on")
    public LocalDate profileChangesOn;

    @Version
    public int version;
}
