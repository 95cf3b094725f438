package cn.huiqi.application.notice;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An objection raised during a public notice; name and contact are personal data, for officials only. */
@Entity
@Table(name = "objection")
public class ObjectionEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    public String name;

    public String contact;

    public String reason;

    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    /** DISMISSED (the notice resumed) or UPHELD (the application was rejected); null while open. */
    public String resolution;
}
