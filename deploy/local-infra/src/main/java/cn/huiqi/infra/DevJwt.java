package cn.huiqi.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Signs development and test JWTs (RS256) the way an OIDC provider would, with Huiqi's claims: {@code groups} (the
 * roles), {@code uscc} (an enterprise's 统一社会信用代码), {@code departments} (an official's departments). Also makes
 * the broken tokens the authorization matrix sends (expired, wrong issuer, {@code alg: none}, bad signature).
 * <p>
 * JDK only, so that it also runs as a single-file program; {@code deploy/local/mint-token} does that:
 *
 * <pre>
 * deploy/local/mint-token --role enterprise --uscc 91220101MA0Y5CGQ2L
 * </pre>
 *
 * signs with the key pair in {@code $HUIQI_HOME/jwt} (default {@code ~/.huiqi/jwt}), the one the local suite's
 * services verify with, and prints the token.
 */
public final class DevJwt {

    /** The issuer of the local suite's tokens; the services check {@code iss} against it. */
    public static final String LOCAL_ISSUER = "https://huiqi.local/dev";
    public static final String PUBLIC_KEY_FILE = "public.pem";
    public static final String PRIVATE_KEY_FILE = "private.pem";
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);

    private final KeyPair keys;
    private final String issuer;

    public DevJwt(KeyPair keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    public String issuer() {
        return issuer;
    }

    /** A token for the role; {@code uscc} for an enterprise, {@code departments} for an official (else empty). */
    public String token(String role, String uscc, List<String> departments) {
        return sign(claims(role, uscc, departments, issuer, Instant.now(), DEFAULT_TTL));
    }

    public String enterprise(String uscc) {
        return token("enterprise", uscc, List.of());
    }

    public String official(String... departments) {
        return token("official", null, List.of(departments));
    }

    public String policyAdmin() {
        return token("policy-admin", null, List.of());
    }

    public String system() {
        return token("system", null, List.of());
    }

    /** A system token that expired an hour ago. */
    public String expired() {
        return sign(claims("system", null, List.of(), issuer, Instant.now().minus(Duration.ofHours(9)),
                DEFAULT_TTL));
    }

    /** A system token signed with the right key by another issuer. */
    public String wrongIssuer() {
        return sign(claims("system", null, List.of(), "https://attacker.example", Instant.now(), DEFAULT_TTL));
    }

    /** A system token with {@code "alg": "none"} and no signature. */
    public String algNone() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(json(claims("system", null, List.of(), issuer, Instant.now(), DEFAULT_TTL))
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** A system token whose signature was made by another key. */
    public String badSignature() {
        return new DevJwt(generateKeyPair(), issuer).system();
    }

    /** The claims of a token as an OIDC provider would issue them. */
    public static Map<String, Object> claims(String role, String uscc, List<String> departments, String issuer,
            Instant issuedAt, Duration ttl) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        String subject = role + (uscc != null ? ":" + uscc : "") + (departments.isEmpty()
                ? ""
                : ":"
                        + String.join("+", departments));
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        if (uscc != null) {
            claims.put("uscc", uscc);
        }
        if (!departments.isEmpty()) {
            claims.put("departments", departments);
        }
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(ttl).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Signs the claims with RS256. */
    public String sign(Map<String, Object> claims) {
        String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(json(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a JWT", e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No RSA key pair generator", e);
        }
    }

    /**
     * The key pair in {@code directory} ({@value #PRIVATE_KEY_FILE}, {@value #PUBLIC_KEY_FILE}), created on first use
     * and kept, so tokens stay valid across restarts.
     */
    public static KeyPair loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                return new KeyPair(readPublic(Files.readString(publicFile)), readPrivate(Files.readString(
                        privateFile)));
            }
            Files.createDirectories(directory);
            KeyPair keys = generateKeyPair();
            Files.writeString(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile directory protects it.
            }
            Files.writeString(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the JWT key pair in " + directory, e);
        }
    }

    static RSAPublicKey readPublic(String pem) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(unpem(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key", e);
        }
    }

    static RSAPrivateKey readPrivate(String pem) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(unpem(
                    pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA private key (PKCS#8)", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Just enough JSON for claims: strings, numbers, booleans and lists of them. */
    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder s = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                s.append(json(String.valueOf(e.getKey()))).append(':').append(json(e.getValue()));
                s.append(it.hasNext() ? "," : "");
            }
            return s.append('}').toString();
        }
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            list.forEach(item -> items.add(json(item)));
            return "[" + String.join(",", items) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /**
     * {@code --role enterprise|official|policy-admin|system [--uscc CODE] [--department NAME]... [--ttl-hours N]}:
     * prints a token signed with the local suite's key ({@code $HUIQI_HOME/jwt}, default {@code ~/.huiqi/jwt}).
     */
    public static void main(String[] args) {
        String role = null;
        String uscc = null;
        List<String> departments = new ArrayList<>();
        long ttlHours = DEFAULT_TTL.toHours();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "token" -> {
                    continue; // accepted for symmetry with `Main token ...`
                }
                case "--role" -> role = value;
                case "--uscc" -> uscc = value;
                case "--department" -> departments.add(value);
                case "--ttl-hours" -> ttlHours = Long.parseLong(value);
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        if (role == null || !List.of("enterprise", "official", "policy-admin", "system").contains(role)) {
            usage("--role must be enterprise, official, policy-admin or system");
        }
        if ("enterprise".equals(role) && uscc == null) {
            usage("an enterprise token needs --uscc");
        }
        if ("official".equals(role) && departments.isEmpty()) {
            usage("an official token needs at least one --department (e.g. 人社局)");
        }
        String home = System.getenv("HUIQI_HOME");
        Path keys = (home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"),
                        ".huiqi"))
                .resolve("jwt");
        DevJwt jwt = new DevJwt(loadOrCreate(keys), LOCAL_ISSUER);
        System.out.println(jwt.sign(claims(role, uscc, departments, LOCAL_ISSUER, Instant.now(), Duration.ofHours(
                ttlHours))));
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nUsage: mint-token --role enterprise|official|policy-admin|system"
                + " [--uscc CODE] [--department NAME]... [--ttl-hours N]");
        System.exit(2);
    }
}
