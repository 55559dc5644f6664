package dev.supervisor.auth.mfa;

import dev.supervisor.auth.internal.BoundedTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies TOTP codes for users: ±1 time step of clock drift, each step accepted at most once (a code or an older
 * step is a replay), and an escalating lockout: {@code maxFailures} failures lock the user for the base lockout,
 * each further lockout doubles it up to the maximum, and a quiet period of one maximum lockout forgives the
 * record. Nothing locks a user for longer than the maximum, and {@link #reset} lifts a lockout (an administrator
 * after checking the user) while keeping replay protection.
 *
 * <p>State is per user, in memory, and bounded: a user's entry is dropped once it holds nothing (no lockout, no
 * recent failure, its last accepted step out of the drift window). While {@code maxUsers} entries are live, users
 * without one are refused — the verifier fails closed rather than forgetting a lockout or a used step.
 * Secrets shorter than 128 bits are refused.
 */
public final class TotpVerifier {
    private record State(long lastStep, int failures, int lockouts, long lockedUntil, long lastFailure) {
        static final State NEW = new State(Long.MIN_VALUE, 0, 0, 0, 0);
    }

    private final Clock clock;
    private final int step;
    private final Totp.Algorithm algorithm;
    private final int digits;
    private final int maxFailures;
    private final long baseLockout;
    private final long maxLockout;
    private final BoundedTable<String, State> state;

    private TotpVerifier(Builder b) {
        this.clock = b.clock;
        this.step = 30;
        this.algorithm = b.algorithm;
        this.digits = b.digits;
        this.maxFailures = b.maxFailures;
        this.baseLockout = b.baseLockout.toMillis();
        this.maxLockout = b.maxLockout.toMillis();
        long stepMillis = step * 1000L;
        this.state = new BoundedTable<>(b.maxUsers, () -> clock.millis() * 1_000_000L, (s, now) -> Math.max(
                s.lastStep == Long.MIN_VALUE ? 0 : (s.lastStep + 2) * stepMillis,
                Math.max(s.lockedUntil, s.lastFailure) + maxLockout) * 1_000_000L, false);
    }

    /**
     * @param clock the clock
     * @param algorithm the HMAC
     * @param digits 6 or 8
     * @param maxFailures failures before a lockout, positive
     * @return a verifier with 30-second steps, lockouts from 30 s doubling up to 15 min, and 1,000,000 users
     */
    public static TotpVerifier of(Clock clock, Totp.Algorithm algorithm, int digits, int maxFailures) {
        return builder().clock(clock).algorithm(algorithm).digits(digits).maxFailures(maxFailures).build();
    }

    /** @return a builder (SHA1, 6 digits, 5 failures, lockouts 30 s to 15 min, 1,000,000 users) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param user the user
     * @param secret the user's secret, at least 16 bytes
     * @param code what the user typed: exactly {@code digits} ASCII digits
     * @return true if accepted; false if wrong, replayed, locked out, or refused because the state table is full
     * @throws IllegalArgumentException if the secret is shorter than 128 bits
     */
    public boolean verify(String user, byte[] secret, String code) {
        Objects.requireNonNull(user, "user");
        Totp.checkSecret(secret);
        long nowMillis = clock.millis();
        boolean[] accepted = {false};
        State after = state.update(user, old -> {
            State s = forgiven(old == null ? State.NEW : old, nowMillis);
            if (nowMillis < s.lockedUntil) {
                return s;
            }
            if (code != null && code.length() == digits && code.chars().allMatch(c -> c >= '0' && c <= '9')) {
                long now = Math.floorDiv(nowMillis / 1000, step);
                for (long t = now - 1; t <= now + 1; t++) {
                    if (t > s.lastStep && Totp.sameCode(Totp.hotp(secret, t, algorithm, digits), code)) {
                        accepted[0] = true;
                        return new State(t, 0, 0, 0, s.lastFailure);
                    }
                }
            }
            int failures = s.failures + 1;
            if (failures < maxFailures) {
                return new State(s.lastStep, failures, s.lockouts, s.lockedUntil, nowMillis);
            }
            int shift = Math.min(s.lockouts, 30);
            long length = baseLockout > maxLockout >> shift ? maxLockout : Math.min(maxLockout, baseLockout << shift);
            return new State(s.lastStep, 0, s.lockouts + 1, nowMillis + length, nowMillis);
        });
        return after != null && accepted[0];
    }

    private State forgiven(State s, long now) {
        boolean quiet = now >= s.lockedUntil && now - Math.max(s.lastFailure, s.lockedUntil) > maxLockout;
        return quiet && (s.failures > 0 || s.lockouts > 0) ? new State(s.lastStep, 0, 0, 0, 0) : s;
    }

    /**
     * @param user the user
     * @return true if locked out by failures now
     */
    public boolean isLocked(String user) {
        return !lockedFor(user).isZero();
    }

    /**
     * @param user the user
     * @return how long the user stays locked out; zero if not locked
     */
    public Duration lockedFor(String user) {
        State s = state.get(user);
        long left = s == null ? 0 : s.lockedUntil - clock.millis();
        return left > 0 ? Duration.ofMillis(left) : Duration.ZERO;
    }

    /**
     * Lifts a user's lockout and forgets their failures (an administrator's action); the last accepted step is
     * kept, so a used code stays used.
     *
     * @param user the user
     */
    public void reset(String user) {
        if (state.get(user) != null) {
            state.update(user, s -> s == null ? State.NEW : new State(s.lastStep, 0, 0, 0, 0));
        }
    }

    /** @return users with live state */
    public long trackedUsers() {
        return state.size();
    }

    /**
     * @param issuer the service name
     * @param account the user's account name
     * @param secret the secret, at least 16 bytes
     * @return an {@code otpauth://totp/...} enrollment URI for authenticator apps
     */
    public String enrollmentUri(String issuer, String account, byte[] secret) {
        Totp.checkSecret(secret);
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + enc(issuer)
                + "&algorithm=" + algorithm.name() + "&digits=" + digits + "&period=" + step;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Fail-fast builder of {@link TotpVerifier}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Totp.Algorithm algorithm = Totp.Algorithm.SHA1;
        private int digits = 6;
        private int maxFailures = 5;
        private Duration baseLockout = Duration.ofSeconds(30);
        private Duration maxLockout = Duration.ofMinutes(15);
        private long maxUsers = 1_000_000;

        private Builder() {
        }

        /** @param clock the clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param algorithm the HMAC @return this builder */
        public Builder algorithm(Totp.Algorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** @param digits 6 or 8 @return this builder */
        public Builder digits(int digits) {
            if (digits != 6 && digits != 8) {
                throw new IllegalArgumentException("digits must be 6 or 8 but was " + digits);
            }
            this.digits = digits;
            return this;
        }

        /** @param maxFailures failures before a lockout, positive @return this builder */
        public Builder maxFailures(int maxFailures) {
            if (maxFailures < 1) {
                throw new IllegalArgumentException("maxFailures must be positive but was " + maxFailures);
            }
            this.maxFailures = maxFailures;
            return this;
        }

        /**
         * @param base the first lockout, positive
         * @param max the longest lockout, at least {@code base} and at most 24 h
         * @return this builder
         */
        public Builder lockout(Duration base, Duration max) {
            if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || max.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("lockout must be 0 < base <= max <= 24 h but was " + base + ", "
                        + max);
            }
            this.baseLockout = base;
            this.maxLockout = max;
            return this;
        }

        /** @param maxUsers most users with live state, positive @return this builder */
        public Builder maxUsers(long maxUsers) {
            if (maxUsers < 1) {
                throw new IllegalArgumentException("maxUsers must be positive but was " + maxUsers);
            }
            this.maxUsers = maxUsers;
            return this;
        }

        /** @return the verifier */
        public TotpVerifier build() {
            return new TotpVerifier(this);
        }
    }
}
