package cn.huiqi.award.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.huiqi.engine.model.Clause;

/**
 * The version of the policy pack a decision was computed with: {@code sha256:} and the SHA-256 of the pack's
 * {@code index.yaml} and every file it lists (name and content, in the index's order), as read from the classpath at
 * load. The same files give the same version on every instance and every build.
 */
final class PackVersion {

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_.-]+\\.ya?ml");

    private PackVersion() {
    }

    static String ofClasspath(String root) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = PackVersion.class.getClassLoader();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String index = read(cl, root, "index.yaml");
            Set<String> files = new LinkedHashSet<>();
            files.add("index.yaml");
            for (String line : index.split("\n")) {
                String content = line.replaceFirst("#.*", "");
                Matcher m = FILE.matcher(content);
                while (m.find()) {
                    files.add(m.group());
                }
            }
            for (String f : files) {
                sha.update(f.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(read(cl, root, f).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(ClassLoader cl, String root, String name) {
        try (InputStream in = cl.getResourceAsStream(root + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("policy pack file missing from the classpath: " + root + "/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + root + "/" + name, e);
        }
    }

    /**
     * sha256 of a clause's award encoding (formula, caps, count limits, kind and basis) as the engine loaded it: the
     * same encoding gives the same hash in any pack version, so a pack change shows which clauses it changed.
     */
    static String ofClause(Clause clause) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return "sha256:" + HexFormat.of().formatHex(sha.digest(clause.award().toString().getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
