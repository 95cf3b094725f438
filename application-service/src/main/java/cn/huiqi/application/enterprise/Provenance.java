package cn.huiqi.application.enterprise;

import cn.huiqi.support.security.Caller;
import cn.huiqi.support.security.Roles;

/** Where a value comes from: declared by the enterprise, or pushed by a government system, and by whom. */
public record Provenance(String source, String recordedBy) {

    /** The calling token's: a system token pushes, any other declares. */
    public static Provenance of(Caller caller) {
        return new Provenance(caller.is(Roles.SYSTEM) ? EnterpriseFactEntity.SYSTEM : EnterpriseFactEntity.DECLARED,
                caller.subject());
    }
}
