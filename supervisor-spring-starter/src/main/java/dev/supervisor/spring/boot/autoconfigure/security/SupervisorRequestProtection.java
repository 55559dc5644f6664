package dev.supervisor.spring.boot.autoconfigure.security;

import dev.supervisor.auth.cors.CorsDecision;
import dev.supervisor.auth.cors.CorsPolicy;
import dev.supervisor.auth.guard.GuardDecision;
import dev.supervisor.auth.guard.GuardRequest;
import dev.supervisor.auth.guard.RequestGuard;
import dev.supervisor.auth.validation.InvalidInputException;
import dev.supervisor.auth.validation.RequestPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What every request to Supervisor's paths goes through before authentication: the security headers, the
 * {@link RequestGuard} (rate limits per client, blocking of repeat offenders, 400 for paths that cannot be made
 * canonical) and the {@link CorsPolicy} (preflights answered here). Refusals are problem details.
 */
public final class SupervisorRequestProtection {
    private final RequestGuard guard;
    private final CorsPolicy cors;
    private final Map<String, String> headers;

    /**
     * @param guard rate limits and blocking, or null for none
     * @param cors the cross-origin policy
     * @param headers security headers for every response
     */
    public SupervisorRequestProtection(RequestGuard guard, CorsPolicy cors, Map<String, String> headers) {
        this.guard = guard;
        this.cors = cors;
        this.headers = Map.copyOf(headers);
    }

    /**
     * @param request the request
     * @param response its response
     * @return true to go on, false when the request has been answered here (refused, or a preflight)
     * @throws IOException if the answer cannot be written
     */
    public boolean apply(HttpServletRequest request, HttpServletResponse response) throws IOException {
        headers.forEach(response::setHeader);
        if (guard != null) {
            String forwarded = request.getHeader("X-Forwarded-For");
            GuardDecision d = guard.check(new GuardRequest(request.getMethod(), request.getRequestURI(),
                    forwarded == null ? Map.of() : Map.of("X-Forwarded-For", List.of(forwarded)),
                    request.getRemoteAddr()));
            d.headers().forEach(response::setHeader);
            if (!d.allowed()) {
                Problems.write(request, response, d.status(), switch (d.status()) {
                    case 429 -> "rate limit exceeded";
                    case 403 -> "client blocked after repeated refusals";
                    default -> "request path cannot be made canonical";
                });
                return false;
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String preflightMethod = request.getHeader("Access-Control-Request-Method");
        if ("OPTIONS".equalsIgnoreCase(request.getMethod()) && preflightMethod != null) {
            CorsDecision d = cors.preflight(origin, preflightMethod, request.getHeader("Access-Control-Request-Headers"));
            d.headers().forEach(response::setHeader);
            if (d.allowed()) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                Problems.write(request, response, 403, "cross-origin request not allowed");
            }
            return false;
        }
        cors.actual(origin).headers().forEach(response::setHeader);
        return true;
    }

    /**
     * @param request a request
     * @return its canonical path without the context path (decoded once, dot segments resolved)
     * @throws InvalidInputException if it cannot be made canonical safely
     */
    public static String canonicalPath(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return RequestPaths.canonical(context != null && uri.startsWith(context) ? uri.substring(context.length())
                : uri);
    }
}
