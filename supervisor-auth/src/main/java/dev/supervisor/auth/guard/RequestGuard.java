package dev.supervisor.auth.guard;

import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.net.IpAddresses;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimitDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rate limiting and blocking for one request: resolves the client (believing {@code X-Forwarded-For} only from
 * trusted proxies), answers 403 while the client is blocked, takes a token from the authentication tier for
 * authentication paths and from the general tier otherwise, and counts each refusal as a violation towards a
 * block. Clients are keyed by address (IPv6 by /64).
 */
public final class RequestGuard {
    private final ClientAddress clients;
    private final KeyedRateLimiter general;
    private final KeyedRateLimiter auth;
    private final List<String> authPrefixes;
    private final IpBlocker blocker;

    /**
     * @param clients resolves the client address
     * @param general the general tier
     * @param auth the authentication tier
     * @param authPrefixes path prefixes that use the authentication tier (e.g. {@code /auth/})
     * @param blocker blocks repeat offenders
     */
    public RequestGuard(ClientAddress clients, KeyedRateLimiter general, KeyedRateLimiter auth,
                        List<String> authPrefixes, IpBlocker blocker) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.general = Objects.requireNonNull(general, "general");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.authPrefixes = List.copyOf(authPrefixes);
        this.blocker = Objects.requireNonNull(blocker, "blocker");
    }

    /**
     * @param request the request
     * @return the decision and the headers to send
     * @throws IllegalArgumentException if the peer address is not an IP literal
     */
    public GuardDecision check(GuardRequest request) {
        String client = clients.resolve(request.peer(), request.header("X-Forwarded-For"));
        java.time.Duration blocked = blocker.blockedFor(client);
        if (!blocked.isZero()) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Retry-After", Long.toString((blocked.toNanos() + 999_999_999L) / 1_000_000_000L));
            return new GuardDecision(403, h, client, "blocked");
        }
        boolean isAuth = authPrefixes.stream().anyMatch(request.path()::startsWith);
        RateLimitDecision d = (isAuth ? auth : general).check(IpAddresses.blockKey(client), 1);
        if (!d.allowed()) {
            blocker.recordViolation(client);
            return new GuardDecision(429, d.headers(), client, "rate_limited");
        }
        return new GuardDecision(200, d.headers(), client, "ok");
    }
}
