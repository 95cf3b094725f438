package cn.huiqi.application.attachment;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reference from an application to a stored file (the file itself is kept once per content, by sha256). */
@Entity
@Table(name = "attachment")
public class AttachmentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "file_name")
    public String fileName;

    /** Lower-case hex SHA-256 of the content: the file's key in the store. */
    public String sha256;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    /** The token's subject. */
    @Column(name = "uploaded_by")
    public String uploadedBy;
}
