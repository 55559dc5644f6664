package dev.supervisor.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.jwt.internal.Jose;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;

/**
 * Verifies JWS compact tokens. Requires {@code exp}; checks {@code nbf}, {@code iat}, lifetime, issuer, audience
 * and {@code typ} when configured, with a leeway; refuses {@code crit}, {@code zip} and the key-pointing headers;
 * looks {@code kid} up only among the configured keys; and accepts a token only under the algorithm its key is
 * pinned to.
 */
public final class JwtVerifier {
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("crit", "zip", "jku", "x5u", "jwk", "x5c");
    private final List<JwtKey> keys;
    private final Clock clock;
    private final Duration leeway;
    private final String issuer;
    private final String audience;
    private final String type;
    private final Duration maxLifetime;
    private final int maxLength;
    private final RevokedTokens revoked;
    private final JwksKeySource source;
    private final ThreadLocal<MacSlot> macs = ThreadLocal.withInitial(MacSlot::new);
    private volatile ParsedHeader lastHeader;

    private JwtVerifier(Builder b) {
        this.keys = List.copyOf(b.keys);
        this.clock = b.clock;
        this.leeway = b.leeway;
        this.issuer = b.issuer;
        this.audience = b.audience;
        this.type = b.type;
        this.maxLifetime = b.maxLifetime;
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
            throw new JwtException("algorithm '" + alg.textValue() + "' is not the one this key is pinned to");
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
        return signatureValid(key, input, sig);
    }

    static boolean signatureValid(JwtKey key, byte[] input, byte[] sig) {
        try {
            JwsAlgorithm a = key.algorithm();
            if (a.isHmac()) {
                Mac mac = Mac.getInstance(a.jca);
                mac.init(key.key());
                return MessageDigest.isEqual(mac.doFinal(input), sig);
            }
            Signature s = Signature.getInstance(a.jca);
            if (a == JwsAlgorithm.PS256) {
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            s.initVerify((java.security.PublicKey) key.key());
            byte[] signature = sig;
            if (a.isEc()) {
                int size = (a.minKeySize + 7) / 8;
                if (sig.length != 2 * size) {
                    return false;
                }
                signature = Jose.ecdsaToDer(sig, ((ECPublicKey) key.key()).getParams().getOrder());
            } else if (a == JwsAlgorithm.EdDSA && sig.length != 64) {
                return false;
            }
            s.update(input);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** One initialised Mac per thread and key: getInstance + init cost more than hashing a token. */
    private Mac mac(JwtKey key) throws GeneralSecurityException {
        MacSlot slot = macs.get();
        if (slot.key != key.key()) {
            Mac m = Mac.getInstance(key.algorithm().jca);
            m.init(key.key());
            slot.mac = m;
            slot.key = key.key();
        }
        return slot.mac;
    }

    private static final class MacSlot {
        java.security.Key key;
        Mac mac;
    }

    private void checkClaims(JsonNode c) {
        long now = clock.instant().getEpochSecond();
        long skew = leeway.toSeconds();
        Long exp = time(c, "exp", true);
        Long nbf = time(c, "nbf", false);
        Long iat = time(c, "iat", false);
        if (now - skew >= exp) {
            throw new JwtException("token expired");
        }
        if (nbf != null && now + skew < nbf) {
            throw new JwtException("token not valid yet");
        }
        if (iat != null && iat > now + skew) {
            throw new JwtException("token issued in the future");
        }
        if (maxLifetime != null && (iat == null || exp - iat > maxLifetime.toSeconds())) {
            throw new JwtException("token lifetime exceeds " + maxLifetime + " (or iat is missing)");
        }
        if (issuer != null && (c.get("iss") == null || !issuer.equals(c.get("iss").asText(null)))) {
            throw new JwtException("issuer mismatch");
        }
        if (audience != null && !audienceMatches(c.get("aud"))) {
            throw new JwtException("audience mismatch");
        }
        if (revoked != null) {
            JsonNode jti = c.get("jti");
            JsonNode iss = c.get("iss");
            // Keyed by (iss, jti), not by the token text: a re-encoded or re-signed copy is just as revoked.
            if (jti != null && revoked.isRevoked(iss == null ? "" : iss.asText(), jti.asText())) {
                throw new JwtException("token revoked");
            }
        }
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

    /** Fail-fast builder of {@link JwtVerifier}. */
    public static final class Builder {
        private final List<JwtKey> keys = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration leeway = Duration.ofSeconds(60);
        private String issuer;
        private String audience;
        private String type;
        private Duration maxLifetime;
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

        /** @param leeway clock-skew allowance, 0 to 5 minutes @return this builder */
        public Builder leeway(Duration leeway) {
            if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
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

        /** @param audience the required {@code aud} member @return this builder */
        public Builder audience(String audience) {
            this.audience = Objects.requireNonNull(audience, "audience");
            return this;
        }

        /** @param type the required {@code typ} header, e.g. {@code at+jwt} @return this builder */
        public Builder type(String type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** @param maxLifetime the longest {@code exp - iat} accepted @return this builder */
        public Builder maxLifetime(Duration maxLifetime) {
            this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
            return this;
        }

        /** @param source a rotating key set, looked up by kid @return this builder */
        public Builder keySource(JwksKeySource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** @param revoked a deny-list consulted by (iss, jti) @return this builder */
        public Builder revoked(RevokedTokens revoked) {
            this.revoked = Objects.requireNonNull(revoked, "revoked");
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalStateException if no key is configured
         */
        public JwtVerifier build() {
            if (keys.isEmpty() && source == null) {
                throw new IllegalStateException("a JwtVerifier needs at least one key or a key source");
            }
            return new JwtVerifier(this);
        }
    }
}
