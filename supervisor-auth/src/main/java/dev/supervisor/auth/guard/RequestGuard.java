package dev.supervisor.auth.guard;

import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.net.IpAddresses;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimitDecision;
import dev.supervisor.auth.validation.InvalidInputException;
import dev.supervisor.auth.validation.RequestPaths;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Rate limiting and blocking for one request: resolves the client (believing {@code X-Forwarded-For} only from
 * trusted proxies), answers 403 while the client is blocked, takes a token from the authentication tier for
 * authentication paths and from the general tier otherwise, and counts each refusal as a violation towards a
 * block. Clients are keyed by address (IPv6 by /64).
 *
 * <p>The tier is chosen on the canonical path ({@link RequestPaths#canonical}), on segment boundaries, ignoring
 * case and Unicode compatibility forms — so {@code //auth/login}, {@code /%61uth/login}, {@code /x/../auth/login}
 * and {@code /AUTH/login} all count against the authentication tier. A path that cannot be made canonical
 * ({@code ;} parameters, double encoding, overlong UTF-8…) is answered 400 and counts as a violation.
 */
public final class RequestGuard {
    private final ClientAddress clients;
    private final KeyedRateLimiter general;
    private final KeyedRateLimiter auth;
    private final List<String> authPrefixes;
    private final IpBlocker blocker;

    private RequestGuard(ClientAddress clients, KeyedRateLimiter general, KeyedRateLimiter auth,
                         List<String> authPrefixes, IpBlocker blocker) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.general = Objects.requireNonNull(general, "general");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.blocker = Objects.requireNonNull(blocker, "blocker");
        List<String> prefixes = new ArrayList<>();
        for (String p : authPrefixes) {
            String canonical;
            try {
                canonical = RequestPaths.canonical(p);
            } catch (InvalidInputException e) {
                throw new IllegalArgumentException("authPrefixes: '" + p + "' is not a path: " + e.getMessage());
            }
            prefixes.add(fold(canonical));
        }
        this.authPrefixes = List.copyOf(prefixes);
    }

    /**
     * @param clients resolves the client address
     * @param general the general tier
     * @param auth the authentication tier
     * @param authPrefixes paths whose subtree uses the authentication tier (e.g. {@code /auth})
     * @param blocker blocks repeat offenders
     * @return the guard
     * @throws IllegalArgumentException if a prefix is not a path
     */
    public static RequestGuard of(ClientAddress clients, KeyedRateLimiter general, KeyedRateLimiter auth,
                                  List<String> authPrefixes, IpBlocker blocker) {
        return new RequestGuard(clients, general, auth, authPrefixes, blocker);
    }

    private static String fold(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * @param request the request
     * @return the decision and the headers to send
     * @throws IllegalArgumentException if the peer address is not an IP literal
     */
    public GuardDecision check(GuardRequest request) {
        String client = clients.resolve(request.peer(), request.header("X-Forwarded-For"));
        Duration blocked = blocker.blockedFor(client);
        if (!blocked.isZero()) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Retry-After", Long.toString((blocked.toNanos() + 999_999_999L) / 1_000_000_000L));
            return new GuardDecision(403, h, client, "blocked");
        }
        String path;
        try {
            path = fold(RequestPaths.canonical(request.path()));
        } catch (InvalidInputException e) {
            blocker.recordViolation(client);
            return new GuardDecision(400, Map.of(), client, "bad_path");
        }
        boolean isAuth = false;
        for (String prefix : authPrefixes) {
            isAuth |= RequestPaths.isUnder(prefix, path);
        }
        RateLimitDecision d = (isAuth ? auth : general).check(IpAddresses.blockKey(client), 1);
        if (!d.allowed()) {
            blocker.recordViolation(client);
            return new GuardDecision(429, d.headers(), client, "rate_limited");
        }
        return new GuardDecision(200, d.headers(), client, "ok");
    }
}
