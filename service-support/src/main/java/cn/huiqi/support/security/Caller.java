package cn.huiqi.support.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import cn.huiqi.support.problem.ProblemException;

/**
 * Who is calling, always from the verified bearer token (never from a header or the body), and the object-level
 * checks every resource applies with it: an enterprise reads only its own data and acts only for itself; an official
 * is scoped to departments.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private boolean deniedAsNotFound;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** The 统一社会信用代码 of an enterprise token, upper case; null for other callers. */
    public String uscc() {
        Object uscc = claim("uscc");
        if (uscc instanceof JsonString s) {
            uscc = s.getString();
        }
        return uscc == null ? null : uscc.toString().trim().toUpperCase(Locale.ROOT);
    }

    /** An official's departments, as the clauses' {@code department.zh} names them (e.g. 人社局). */
    public List<String> departments() {
        Object departments = claim("departments");
        if (departments instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        if (departments instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return departments == null ? List.of() : List.of(departments.toString());
    }

    private Object claim(String name) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt.getClaim(name);
        }
        return null;
    }

    /**
     * Object-level check on a read of data owned by {@code ownerUscc}: officials and systems may read it, an
     * enterprise only its own. Another enterprise gets exactly the answer a missing object gives ({@code notFound}),
     * so ids and codes cannot be probed. Function-level checks (which roles reach the operation) are the resource's
     * {@code @RolesAllowed}.
     */
    public void mayRead(String ownerUscc, Supplier<ProblemException> notFound) {
        if (is(Roles.OFFICIAL) || is(Roles.SYSTEM)) {
            return;
        }
        if (is(Roles.ENTERPRISE) && ownerUscc != null && ownerUscc.trim().equalsIgnoreCase(uscc())) {
            return;
        }
        deniedAsNotFound = true;
        throw notFound.get();
    }

    /**
     * Function-and-object check on a write on behalf of enterprise {@code uscc}: a system may (where the operation
     * allows systems at all), an enterprise only for the code in its own token. 403, naming the code.
     */
    public void mayActFor(String uscc) {
        if (is(Roles.SYSTEM)) {
            return;
        }
        String own = uscc();
        if (is(Roles.ENTERPRISE) && uscc != null && uscc.trim().equalsIgnoreCase(own)) {
            return;
        }
        throw new ProblemException(403, "forbidden", "Forbidden",
                is(Roles.ENTERPRISE)
                        ? "an enterprise token may act only for its own enterprise (" + own + "), not " + uscc
                        : "this operation is for the enterprise itself",
                Map.of());
    }

    /** Whether this official's departments include one of those responsible for a clause. */
    public boolean coversDepartment(String clauseDepartment) {
        return is(Roles.OFFICIAL) && Departments.covers(departments(), clauseDepartment);
    }

    /**
     * Department scoping of an official's action on a clause's application (the review actions of issue 5): 403
     * unless one of the token's departments is responsible for the clause.
     */
    public void mustCoverDepartment(String clauseDepartment) {
        if (!coversDepartment(clauseDepartment)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "the clause is the responsibility of " + clauseDepartment + ", not of " + departments(),
                    Map.of("department", clauseDepartment));
        }
    }

    /** Set when {@link #mayRead} hid another enterprise's object behind a 404: the audit log records it. */
    public boolean deniedAsNotFound() {
        return deniedAsNotFound;
    }
}
