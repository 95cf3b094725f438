package cn.huiqi.support.security;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.TreeSet;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** Decides which API responses are security-relevant and writes them to the {@link AuditLog}. */
public class SecurityAuditFilter {

    private final AuditLog audit;
    private final Instance<Caller> caller;

    public SecurityAuditFilter(AuditLog audit, Instance<Caller> caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @ServerResponseFilter
    public void audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            RoutingContext routing) {
        int status = response.getStatus();
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean write = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        String outcome;
        if (status == 401 || status == 403 || status == 413 || status == 429 || status == 404 && hidden()) {
            outcome = "denied";
        } else if (write && status >= 200 && status < 300) {
            outcome = "written";
        } else {
            return;
        }
        SecurityIdentity identity = routing != null && routing.user() instanceof QuarkusHttpUser user
                ? user.getSecurityIdentity()
                : null;
        String subject = null;
        String roles = null;
        String uscc = null;
        if (identity != null && !identity.isAnonymous()) {
            subject = identity.getPrincipal().getName();
            roles = String.join(",", new TreeSet<>(identity.getRoles()));
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("uscc") != null) {
                uscc = jwt.getClaim("uscc").toString().replace("\"", "");
            }
        }
        String remote = routing != null && routing.request().remoteAddress() != null
                ? routing.request().remoteAddress().hostAddress()
                : null;
        audit.record(new AuditLog.Entry(subject, roles, uscc, method, request.getUriInfo().getRequestUri()
                .getRawPath(), operation(resource), remote, status, outcome));
    }

    private boolean hidden() {
        try {
            return caller.get().deniedAsNotFound();
        } catch (RuntimeException noRequestScope) {
            return false;
        }
    }

    private static String operation(ResourceInfo resource) {
        Method m = resource == null ? null : resource.getResourceMethod();
        if (m == null) {
            return null;
        }
        Operation op = m.getAnnotation(Operation.class);
        return op != null ? op.operationId() : m.getName();
    }
}
