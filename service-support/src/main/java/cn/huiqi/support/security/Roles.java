package cn.huiqi.support.security;

/** The roles a token's {@code groups} claim carries (docs/security.md). */
public final class Roles {

    /** An enterprise; its token names its 统一社会信用代码 in the {@code uscc} claim. */
    public static final String ENTERPRISE = "enterprise";
    /** A policy official; its token lists its departments in the {@code departments} claim. */
    public static final String OFFICIAL = "official";
    /** Publishes policies and manages funds. */
    public static final String POLICY_ADMIN = "policy-admin";
    /** A government system: registry and tax feeds pushing facts, the finance system reporting disbursements. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
