package cn.huiqi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;

/**
 * Bearer tokens for a service's {@code @QuarkusTest}s, signed with one key pair per test JVM. {@link HuiqiTestInfra}
 * points the service at the public key and {@link #ISSUER} ({@link #verificationConfig()}), so
 * {@code given().auth().oauth2(TestTokens.enterprise(uscc))} is a caller the service trusts.
 * <p>
 * The key pair lives in system properties, not a static field: Quarkus loads test resources and test classes in
 * different class loaders, and both must sign and verify with the same key.
 */
public final class TestTokens {

    public static final String ISSUER = "https://huiqi.test";
    /** Department names as the clauses' {@code department.zh} spells them. */
    public static final String HR_BUREAU = "人社局";
    public static final String STI_BUREAU = "科技局";

    private static final String PRIVATE_KEY = "huiqi.test.jwt.private-key";
    private static final String PUBLIC_KEY = "huiqi.test.jwt.public-key";
    private static final String PUBLIC_KEY_FILE = "huiqi.test.jwt.public-key-file";

    private TestTokens() {
    }

    public static DevJwt jwt() {
        synchronized (System.getProperties()) {
            if (System.getProperty(PRIVATE_KEY) == null) {
                KeyPair keys = DevJwt.generateKeyPair();
                System.setProperty(PRIVATE_KEY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
                System.setProperty(PUBLIC_KEY, Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            }
            KeyPair keys = new KeyPair(DevJwt.readPublic(DevJwt.pem("PUBLIC KEY", Base64.getDecoder().decode(System
                    .getProperty(PUBLIC_KEY)))), DevJwt.readPrivate(DevJwt.pem("PRIVATE KEY", Base64.getDecoder()
                            .decode(System.getProperty(PRIVATE_KEY)))));
            return new DevJwt(keys, ISSUER);
        }
    }

    public static String enterprise(String uscc) {
        return jwt().enterprise(uscc);
    }

    /** An official of {@link #HR_BUREAU}, the department of the talent reward 长新管规〔2023〕11号 (十二). */
    public static String official() {
        return jwt().official(HR_BUREAU);
    }

    public static String official(String... departments) {
        return jwt().official(departments);
    }

    public static String policyAdmin() {
        return jwt().policyAdmin();
    }

    public static String system() {
        return jwt().system();
    }

    /** The settings that make a service trust these tokens: the public key's file and the issuer. */
    public static Map<String, String> verificationConfig() {
        synchronized (System.getProperties()) {
            String file = System.getProperty(PUBLIC_KEY_FILE);
            if (file == null) {
                try {
                    Path pem = Files.createTempFile("huiqi-test-jwt", ".pem");
                    pem.toFile().deleteOnExit();
                    Files.writeString(pem, jwt().publicKeyPem());
                    file = pem.toAbsolutePath().toString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                System.setProperty(PUBLIC_KEY_FILE, file);
            }
            return Map.of("mp.jwt.verify.publickey.location", "file:" + file,
                    "mp.jwt.verify.issuer", ISSUER);
        }
    }
}
