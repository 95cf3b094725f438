package cn.huiqi.application.attachment;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.huiqi.application.apply.ApplicationEntity;
import cn.huiqi.application.apply.ApplicationService;
import cn.huiqi.application.apply.ClauseCatalog;
import cn.huiqi.support.problem.ProblemException;
import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Attachments of applications: added by the enterprise while a draft or returned, read by it and the department. */
@ApplicationScoped
public class AttachmentService {

    static final int MAX_FILE_NAME = 255;

    private final AttachmentStore store;
    private final ApplicationService applications;
    private final ClauseCatalog catalog;

    public AttachmentService(AttachmentStore store, ApplicationService applications, ClauseCatalog catalog) {
        this.store = store;
        this.applications = applications;
        this.catalog = catalog;
    }

    /** An added attachment, and whether it is new (false: the same file under the same name was already there). */
    public record Added(AttachmentView attachment, boolean created) {
    }

    /**
     * Stores the body and references it from the application. The file is written before the reference; a refused
     * upload leaves neither.
     */
    @Transactional
    public Added add(UUID applicationId, String fileName, String contentType, String expectedSha256, InputStream body,
            Caller caller) {
        String name = checkedFileName(fileName);
        // Checked before reading the body, and again under the lock after.
        mustAccept(applications.readable(applicationId, caller));
        AttachmentStore.Stored stored = store.put(body, expectedSha256);
        ApplicationEntity a = ApplicationEntity.findById(applicationId, LockModeType.PESSIMISTIC_WRITE);
        mustAccept(a);
        AttachmentEntity existing = AttachmentEntity.find("applicationId = ?1 and sha256 = ?2 and fileName = ?3",
                applicationId, stored.sha256(), name).firstResult();
        if (existing != null) {
            return new Added(AttachmentView.of(existing), false);
        }
        AttachmentEntity e = new AttachmentEntity();
        e.id = UUID.randomUUID();
        e.applicationId = applicationId;
        e.fileName = name;
        e.sha256 = stored.sha256();
        e.sizeBytes = stored.size();
        e.contentType = contentType == null || contentType.isBlank()
                ? "application/octet-stream"
                : contentType.strip();
        e.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        e.uploadedBy = caller.subject();
        e.persist();
        // The application changed: its version (the ETag) moves on.
        a.updatedAt = e.uploadedAt;
        return new Added(AttachmentView.of(e), true);
    }

    /** The attachment and its file, for the enterprise and officials of the clause's department. */
    public Download download(UUID applicationId, UUID attachmentId, Caller caller) {
        ApplicationEntity a = applications.readable(applicationId, caller);
        if (caller.is(Roles.OFFICIAL)) {
            caller.mustCoverDepartment(catalog.department(a.clauseId).orElse(null));
        }
        AttachmentEntity e = AttachmentEntity.findById(attachmentId);
        if (e == null || !e.applicationId.equals(applicationId)) {
            throw ProblemException.notFound("attachment", attachmentId.toString());
        }
        Path file = store.path(e.sha256);
        if (!Files.isRegularFile(file)) {
            throw new ProblemException(503, "attachment-unavailable", "Attachment file missing",
                    "the file of attachment " + attachmentId + " is not in the store", Map.of("sha256", e.sha256));
        }
        return new Download(AttachmentView.of(e), file);
    }

    /** An attachment's reference and where its bytes are. */
    public record Download(AttachmentView attachment, Path file) {
    }

    private static void mustAccept(ApplicationEntity a) {
        ApplicationService.mustBeEditable(a, "take attachments");
    }

    private static String checkedFileName(String fileName) {
        String name = fileName == null ? "" : fileName.strip();
        String problem = name.isEmpty()
                ? "fileName is required"
                : name.length() > MAX_FILE_NAME
                        ? "at most " + MAX_FILE_NAME + " characters"
                        : name.contains("/") || name.contains("\\") || name.chars().anyMatch(Character::isISOControl)
                                ? "a file name, without path separators or control characters"
                                : null;
        if (problem != null) {
            throw new ProblemException(400, "validation", "Invalid file name", "fileName: " + problem,
                    Map.of("violations", List.of(Map.of("field", "fileName", "message", problem))));
        }
        return name;
    }
}
