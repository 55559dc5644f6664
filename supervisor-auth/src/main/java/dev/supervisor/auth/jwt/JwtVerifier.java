package dev.supervisor.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.internal.Printable;
import dev.supervisor.auth.jwt.internal.Jose;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;

/**
 * Verifies JWS compact tokens. Requires {@code exp}, an issuer and an audience (each check can be waived only
 * explicitly), a lifetime no longer than {@link Builder#maxLifetime} (24 hours unless configured), and {@code typ}
 * when configured; checks {@code nbf} and {@code iat} with a leeway; refuses {@code crit}, {@code zip} and the
 * key-pointing headers; looks {@code kid} up only among the configured keys; and accepts a token only under the
 * algorithm its key is pinned to.
 */
public final class JwtVerifier {
    /** The largest clock-skew allowance a verifier accepts; deny-lists keep entries at least this long past exp. */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "zip", "jku", "x5u", "jwk", "x5c");
    private final List<JwtKey> keys;
    private final Clock clock;
    private final long leeway;
    private final String issuer;
    private final String audience;
    private final String type;
    private final long maxLifetime;
    private final int maxLength;
    private final RevokedTokens revoked;
    private final JwksKeySource source;
    private final ThreadLocal<MacSlot> macs = ThreadLocal.withInitial(MacSlot::new);
    private volatile ParsedHeader lastHeader;

    private JwtVerifier(Builder b) {
        this.keys = List.copyOf(b.keys);
        this.clock = b.clock;
        this.leeway = b.leeway.toSeconds();
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.type = b.type;
        this.maxLifetime = b.maxLifetime.toSeconds();
        this.maxLength = b.maxLength;
        this.revoked = b.revoked;
        this.source = b.source;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** A verified token. @param header its header @param claims its claims */
    public record Verified(JsonNode header, JsonNode claims) {
    }

    /**
     * @param token a JWS compact token
     * @return the verified header and claims
     * @throws JwtException naming the first problem
     */
    public Verified verify(String token) {
        if (token == null || token.length() > maxLength) {
            throw new JwtException("token missing or longer than " + maxLength + " characters");
        }
        int d1 = token.indexOf('.');
        int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
        if (d1 <= 0 || d2 < 0 || token.indexOf('.', d2 + 1) >= 0) {
            throw new JwtException("token must have exactly three segments");
        }
        if (d2 == token.length() - 1) {
            throw new JwtException("unsigned tokens are not accepted");
        }
        JsonNode header = header(token.substring(0, d1));
        byte[] payload = Jose.decode(token.substring(d1 + 1, d2));
        byte[] sig = Jose.decode(token.substring(d2 + 1));
        for (String h : FORBIDDEN_HEADERS) {
            if (header.has(h)) {
                throw new JwtException("header '" + h + "' is not accepted");
            }
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            throw new JwtException("header has no algorithm");
        }
        if (type != null && (header.get("typ") == null || !type.equals(header.get("typ").asText()))) {
            throw new JwtException("token type is not '" + type + "'");
        }
        JwtKey key = selectKey(header);
        if (!key.algorithm().name().equals(alg.textValue())) {
            throw new JwtException("algorithm " + Printable.quote(alg.textValue())
                    + " is not the one this key is pinned to");
        }
        byte[] input = token.substring(0, d2).getBytes(StandardCharsets.US_ASCII);
        if (!verifySignature(key, input, sig)) {
            throw new JwtException("signature does not verify");
        }
        JsonNode claims = Jose.object(payload, "claims");
        checkClaims(claims);
        return new Verified(header.deepCopy(), claims);
    }

    /** Most tokens a verifier sees share one header segment; parse it once (callers get copies). */
    private JsonNode header(String segment) {
        ParsedHeader last = lastHeader;
        if (last != null && last.segment.equals(segment)) {
            return last.node;
        }
        JsonNode node = Jose.object(Jose.decode(segment), "header");
        lastHeader = new ParsedHeader(segment, node);
        return node;
    }

    private record ParsedHeader(String segment, JsonNode node) {
    }

    private JwtKey selectKey(JsonNode header) {
        JsonNode kid = header.get("kid");
        if (kid != null) {
            if (!kid.isTextual()) {
                throw new JwtException("kid must be a string");
            }
            for (JwtKey k : keys) {
                if (kid.textValue().equals(k.kid())) {
                    return k;
                }
            }
            if (source != null && kid.textValue().length() <= 256) {
                return source.find(kid.textValue()).orElseThrow(() -> new JwtException("unknown key id"));
            }
            throw new JwtException("unknown key id");
        }
        List<JwtKey> all = keys.isEmpty() && source != null ? source.keys() : keys;
        if (all.size() != 1) {
            throw new JwtException("token has no kid and several keys are configured");
        }
        return all.get(0);
    }

    private boolean verifySignature(JwtKey key, byte[] input, byte[] sig) {
        if (key.algorithm().isHmac()) {
            try {
                return MessageDigest.isEqual(mac(key).doFinal(input), sig);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return JwsCrypto.verify(key, input, sig);
    }

    /**
     * One initialised Mac per thread and key: getInstance + init cost more than hashing a token. The slot is keyed
     * by the pinned {@link JwtKey}, not the JCA key: one secret may back keys of several algorithms.
     */
    private Mac mac(JwtKey key) throws GeneralSecurityException {
        MacSlot slot = macs.get();
        if (slot.key != key) {
            Mac m = Mac.getInstance(key.algorithm().jca);
            m.init(key.key());
            slot.mac = m;
            slot.key = key;
        }
        return slot.mac;
    }

    private static final class MacSlot {
        JwtKey key;
        Mac mac;
    }

    private void checkClaims(JsonNode c) {
        long now = clock.instant().getEpochSecond();
        long exp = time(c, "exp", true);
        Long nbf = time(c, "nbf", false);
        Long iat = time(c, "iat", false);
        if (now - leeway >= exp) {
            throw new JwtException("token expired");
        }
        if (nbf != null && now + leeway < nbf) {
            throw new JwtException("token not valid yet");
        }
        if (iat != null && iat > now + leeway) {
            throw new JwtException("token issued in the future");
        }
        if (exp - now > maxLifetime + leeway || iat != null && exp - iat > maxLifetime) {
            throw new JwtException("token lifetime exceeds " + Duration.ofSeconds(maxLifetime));
        }
        if (issuer != null && (c.get("iss") == null || !issuer.equals(c.get("iss").asText(null)))) {
            throw new JwtException("issuer mismatch");
        }
        if (audience != null && !audienceMatches(c.get("aud"))) {
            throw new JwtException("audience mismatch");
        }
        if (revoked != null && revoked.isRevoked(text(c, "iss"), text(c, "jti"), text(c, "sub"), iat)) {
            // Keyed by (iss, jti), not by the token text: a re-encoded or re-signed copy is just as revoked.
            throw new JwtException("token revoked");
        }
    }

    private static String text(JsonNode c, String name) {
        JsonNode n = c.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private boolean audienceMatches(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return audience.equals(aud.textValue());
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual() && audience.equals(a.textValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Long time(JsonNode c, String name, boolean required) {
        JsonNode n = c.get(name);
        if (n == null) {
            if (required) {
                throw new JwtException("claim '" + name + "' is required");
            }
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
            throw new JwtException("claim '" + name + "' must be a non-negative integer of seconds");
        }
        return n.longValue();
    }

    /** Fail-fast builder of {@link JwtVerifier}: issuer and audience are required unless explicitly waived. */
    public static final class Builder {
        private final List<JwtKey> keys = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration leeway = Duration.ofSeconds(60);
        private String issuer;
        private boolean anyIssuer;
        private String audience;
        private boolean anyAudience;
        private String type;
        private Duration maxLifetime = Duration.ofHours(24);
        private int maxLength = 8192;
        private RevokedTokens revoked;
        private JwksKeySource source;

        private Builder() {
        }

        /** @param key a verification key @return this builder */
        public Builder key(JwtKey key) {
            keys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /** @param clock the clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param leeway clock-skew allowance, 0 to {@link #MAX_LEEWAY} (default 60 s) @return this builder */
        public Builder leeway(Duration leeway) {
            if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
                throw new IllegalArgumentException("leeway must be in [0, PT5M] but was " + leeway);
            }
            this.leeway = leeway;
            return this;
        }

        /** @param issuer the required {@code iss} @return this builder */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer");
            return this;
        }

        /**
         * Waives the issuer check, for callers that check {@code iss} themselves (e.g. against a per-tenant
         * template).
         *
         * @return this builder
         */
        public Builder anyIssuer() {
            this.anyIssuer = true;
            return this;
        }

        /** @param audience the required {@code aud} member @return this builder */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** Waives the audience check: only for tokens that are not meant for one service. @return this builder */
        public Builder anyAudience() {
            this.anyAudience = true;
            return this;
        }

        /** @param type the required {@code typ} header, e.g. {@code at+jwt} @return this builder */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * @param maxLifetime the longest {@code exp - iat}, and the furthest {@code exp} may lie ahead; 1 s to
         *        366 days (default 24 h)
         * @return this builder
         */
        public Builder maxLifetime(Duration maxLifetime) {
            Objects.requireNonNull(maxLifetime, "maxLifetime");
            if (maxLifetime.compareTo(Duration.ofSeconds(1)) < 0 || maxLifetime.compareTo(Duration.ofDays(366)) > 0) {
                throw new IllegalArgumentException("maxLifetime must be in [PT1S, 366 days] but was " + maxLifetime);
            }
            this.maxLifetime = maxLifetime;
            return this;
        }

        /** @param source a rotating key set, looked up by kid @return this builder */
        public Builder keySource(JwksKeySource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** @param revoked a deny-list consulted by (iss, jti), (iss, sub) and iat @return this builder */
        public Builder revoked(RevokedTokens revoked) {
            this.revoked = Objects.requireNonNull(revoked, "revoked");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if no key is configured, or issuer or audience is neither set nor waived
         */
        public JwtVerifier build() {
            if (keys.isEmpty() && source == null) {
                throw new IllegalStateException("a JwtVerifier needs at least one key or a key source");
            }
            if (issuer == null && !anyIssuer) {
                throw new IllegalStateException("a JwtVerifier needs an issuer (or anyIssuer() to waive the check)");
            }
            if (audience == null && !anyAudience) {
                throw new IllegalStateException("a JwtVerifier needs an audience (or anyAudience() to waive the"
                        + " check)");
            }
            if (issuer != null && anyIssuer || audience != null && anyAudience) {
                throw new IllegalStateException("issuer/audience: set a value or waive the check, not both");
            }
            return new JwtVerifier(this);
        }
    }
}
