package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.audit.AuditEvents;
import dev.supervisor.auth.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Answers a caller that lacks a permission: 403 naming it, recorded as {@code authz_fail} in the application's
 * {@link AuditLog} when it has one (as the REST API records its own refusals).
 */
final class Forbidden {
    private final AuditLog audit;

    /** @param audit where refusals are recorded, or null */
    Forbidden(AuditLog audit) {
        this.audit = audit;
    }

    void answer(HttpServletRequest request, HttpServletResponse response, String actor, String permission)
            throws IOException {
        if (audit != null) {
            audit.record(AuditEvents.AUTHZ_FAIL, request.getMethod() + " " + request.getRequestURI(), actor,
                    Map.of("permission", permission));
        }
        Problems.write(request, response, 403, "permission " + permission + " required", permission);
    }
}
