package cn.huiqi.application.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

import cn.huiqi.support.problem.ProblemException;

/**
 * Attachment files in a local folder ({@code huiqi.attachments.dir}), one file per content, named by its sha256: the
 * same bytes uploaded twice are stored once.
 */
@ApplicationScoped
public class AttachmentStore {

    private final Path dir;
    private final long maxBytes;

    public AttachmentStore(@ConfigProperty(name = "huiqi.attachments.dir") Path dir,
            @ConfigProperty(name = "huiqi.attachments.max-size", defaultValue = "10M") MemorySize maxSize) {
        this.dir = dir.toAbsolutePath();
        this.maxBytes = maxSize.asLongValue();
    }

    /** What was stored: the content's sha256 and size. */
    public record Stored(String sha256, long size) {
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads the body into the store, hashing it on the way. Refuses (and keeps nothing of) a body over the limit (413),
     * an empty one, or one whose sha256 is not the one the client gave (422).
     */
    public Stored put(InputStream body, String expectedSha256) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (InputStream in = body; OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new ProblemException(413, "attachment-too-large", "Attachment too large",
                                "an attachment has at most " + maxBytes + " bytes", Map.of("limitBytes", maxBytes));
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new ProblemException(422, "empty-attachment", "Empty attachment", "the body has no bytes");
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            if (expectedSha256 != null && !expectedSha256.isBlank()
                    && !expectedSha256.strip().equalsIgnoreCase(sha256)) {
                throw new ProblemException(422, "sha256-mismatch", "Content does not match its sha256",
                        "the body's sha256 is " + sha256 + ", not " + expectedSha256.strip()
                                + ": the file was changed or cut in transit",
                        Map.of("expectedSha256", expectedSha256.strip(), "actualSha256", sha256, "size", size));
            }
            Path target = path(sha256);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target);
                } catch (FileAlreadyExistsException e) {
                    // Another upload of the same bytes won: one file.
                }
            }
            return new Stored(sha256, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless
                }
            }
        }
    }

    /** The stored file of a content. */
    public Path path(String sha256) {
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
