package dev.supervisor.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies TOTP codes for users: ±1 time step of clock drift, each step accepted at most once (a code or an older
 * step is a replay), and a lockout after repeated failures. State is per user and in memory.
 */
public final class TotpVerifier {
    private final Clock clock;
    private final int step;
    private final Totp.Algorithm algorithm;
    private final int digits;
    private final int maxFailures;
    private final Map<String, long[]> state = new ConcurrentHashMap<>(); // [lastStep, failures]

    private TotpVerifier(Clock clock, int step, Totp.Algorithm algorithm, int digits, int maxFailures) {
        this.clock = clock;
        this.step = step;
        this.algorithm = algorithm;
        this.digits = digits;
        this.maxFailures = maxFailures;
    }

    /**
     * @param clock the clock
     * @param algorithm the HMAC
     * @param digits 6 or 8
     * @param maxFailures failures before lockout, positive
     * @return the verifier (30-second steps)
     */
    public static TotpVerifier of(Clock clock, Totp.Algorithm algorithm, int digits, int maxFailures) {
        if (digits != 6 && digits != 8) {
            throw new IllegalArgumentException("digits must be 6 or 8 but was " + digits);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be positive but was " + maxFailures);
        }
        return new TotpVerifier(clock, 30, algorithm, digits, maxFailures);
    }

    /**
     * @param user the user
     * @param secret the user's secret
     * @param code what the user typed: exactly {@code digits} ASCII digits
     * @return true if accepted
     */
    public boolean verify(String user, byte[] secret, String code) {
        long[] s = state.computeIfAbsent(user, u -> new long[] {Long.MIN_VALUE, 0});
        synchronized (s) {
            if (s[1] >= maxFailures) {
                return false;
            }
            if (code == null || code.length() != digits || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                s[1]++;
                return false;
            }
            long now = Math.floorDiv(clock.instant().getEpochSecond(), step);
            for (long t = now - 1; t <= now + 1; t++) {
                if (t > s[0] && Totp.sameCode(Totp.hotp(secret, t, algorithm, digits), code)) {
                    s[0] = t;
                    s[1] = 0;
                    return true;
                }
            }
            s[1]++;
            return false;
        }
    }

    /**
     * @param user the user
     * @return true if locked out by failures
     */
    public boolean isLocked(String user) {
        long[] s = state.get(user);
        return s != null && s[1] >= maxFailures;
    }

    /**
     * @param issuer the service name
     * @param account the user's account name
     * @param secret the secret
     * @return an {@code otpauth://totp/...} enrollment URI for authenticator apps
     */
    public String enrollmentUri(String issuer, String account, byte[] secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + enc(issuer)
                + "&algorithm=" + algorithm.name() + "&digits=" + digits + "&period=" + step;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
