package dev.supervisor.spring.boot.web;

import dev.supervisor.auth.audit.AuditEvents;
import dev.supervisor.auth.audit.AuditLog;
import dev.supervisor.auth.rbac.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks each API call against the permission its endpoint declares: no caller is 401, a caller without the
 * permission 403 (recorded as {@code authz_fail} when there is an audit log). Endpoints that declare nothing are
 * refused, so a forgotten annotation fails closed.
 */
final class PermissionInterceptor implements HandlerInterceptor {
    private final ApiAccess access;
    private final AuditLog audit;
    private final Map<String, Permission> parsed = new ConcurrentHashMap<>();

    PermissionInterceptor(ApiAccess access, AuditLog audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources and error pages have no permission of their own
        }
        ApiPermission declared = method.getMethodAnnotation(ApiPermission.class);
        if (declared == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "this endpoint declares no permission",
                    Map.of());
        }
        ApiCaller caller = access.caller(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "unauthenticated", "authentication is required", Map.of()));
        Permission needed = parsed.computeIfAbsent(declared.value(), Permission::parse);
        if (!access.permits(caller, needed)) {
            if (audit != null) {
                audit.record(AuditEvents.AUTHZ_FAIL, request.getMethod() + " " + request.getRequestURI(),
                        caller.id(), Map.of("permission", needed.toString()));
            }
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "caller '" + caller.id() + "' lacks permission "
                    + needed, Map.of("permission", needed.toString()));
        }
        request.setAttribute(ApiCaller.REQUEST_ATTRIBUTE, caller);
        return true;
    }
}
