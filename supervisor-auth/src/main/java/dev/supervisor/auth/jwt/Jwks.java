package dev.supervisor.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.internal.Printable;
import dev.supervisor.auth.internal.StrictJson;
import dev.supervisor.auth.jwt.internal.Jose;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a JSON Web Key Set into pinned verification keys. Every key needs a unique {@code kid}; the algorithm
 * comes from {@code alg} when present (and must fit the key type) or from the key type. Keys not meant for
 * verifying signatures ({@code use} other than {@code sig}, {@code key_ops} without {@code verify}, an encryption
 * {@code alg}) are skipped. The document is refused when it is not strict JSON, holds more than 100 keys, repeats
 * a {@code kid}, or holds a symmetric ({@code oct}) key, a malformed key, an RSA key that is weak (too small or
 * too large, a bad exponent, the ROCA structure) or an EC point that is not on its curve.
 */
public final class Jwks {
    /** The most keys a set may hold. */
    public static final int MAX_KEYS = 100;
    private static final StrictJson JSON = new StrictJson(1 << 20, 8, 65_536);

    private Jwks() {
    }

    /**
     * @param json a JWKS document {@code {"keys":[...]}}
     * @return the signature-verification keys
     * @throws JwtException if the document or a key is malformed, weak or repeated
     */
    public static List<JwtKey> parse(String json) {
        JsonNode root;
        try {
            root = json == null ? null : JSON.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (StrictJson.Refused e) {
            throw new JwtException("JWKS is not acceptable JSON: it " + e.getMessage());
        }
        JsonNode keys = root == null ? null : root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new JwtException("JWKS has no keys array");
        }
        if (keys.size() > MAX_KEYS) {
            throw new JwtException("JWKS holds " + keys.size() + " keys, more than " + MAX_KEYS);
        }
        List<JwtKey> out = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (JsonNode k : keys) {
            if (!k.isObject()) {
                throw new JwtException("JWKS member is not a key object");
            }
            String kid = text(k, "kid");
            if (kid.length() > 256) {
                throw new JwtException("JWK kid is longer than 256 characters");
            }
            if (!kids.add(kid)) {
                throw new JwtException("JWKS repeats kid " + Printable.quote(kid));
            }
            if (forSignatures(k, kid)) {
                out.add(key(k, kid));
            }
        }
        return out;
    }

    private static boolean forSignatures(JsonNode k, String kid) {
        JsonNode use = k.get("use");
        if (use != null && !"sig".equals(use.asText(null))) {
            return false;
        }
        JsonNode ops = k.get("key_ops");
        if (ops != null) {
            if (!ops.isArray()) {
                throw new JwtException("key " + Printable.quote(kid) + ": key_ops is not an array");
            }
            boolean verify = false;
            for (JsonNode op : ops) {
                verify |= "verify".equals(op.asText(null));
            }
            if (!verify) {
                return false;
            }
        }
        JsonNode alg = k.get("alg");
        if (alg != null && !"oct".equals(text(k, "kty"))) {
            for (JwsAlgorithm a : JwsAlgorithm.values()) {
                if (a.name().equals(alg.asText(null)) && !a.isHmac()) {
                    return true;
                }
            }
            return false; // an encryption or unknown algorithm: not a key for us
        }
        return true;
    }

    private static JwtKey key(JsonNode k, String kid) {
        String kty = text(k, "kty");
        String alg = k.has("alg") ? text(k, "alg") : null;
        String name = Printable.quote(kid);
        try {
            switch (kty) {
                case "RSA" -> {
                    PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            big(k, "n"), big(k, "e")));
                    return new JwtKey(kid, alg == null ? JwsAlgorithm.RS256 : JwsAlgorithm.valueOf(alg), pub);
                }
                case "EC" -> {
                    String crv = text(k, "crv");
                    JwsAlgorithm a = switch (crv) {
                        case "P-256" -> JwsAlgorithm.ES256;
                        case "P-384" -> JwsAlgorithm.ES384;
                        case "P-521" -> JwsAlgorithm.ES512;
                        default -> throw new JwtException("key " + name + ": unsupported curve " + Printable.quote(crv));
                    };
                    if (alg != null && !alg.equals(a.name())) {
                        throw new JwtException("key " + name + ": alg " + Printable.quote(alg) + " does not fit curve "
                                + crv);
                    }
                    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                    params.init(new ECGenParameterSpec(a.curve()));
                    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
                    PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(big(k, "x"), big(k, "y")), spec));
                    return new JwtKey(kid, a, pub);
                }
                case "OKP" -> {
                    if (!"Ed25519".equals(text(k, "crv")) || alg != null && !alg.equals("EdDSA")) {
                        throw new JwtException("key " + name + ": only Ed25519 OKP keys are supported");
                    }
                    byte[] x = Jose.decode(text(k, "x"));
                    if (x.length != 32) {
                        throw new JwtException("key " + name + ": Ed25519 x must be 32 bytes");
                    }
                    boolean odd = (x[31] & 0x80) != 0;
                    x[31] &= 0x7f;
                    byte[] be = new byte[32];
                    for (int i = 0; i < 32; i++) {
                        be[i] = x[31 - i];
                    }
                    PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(
                            NamedParameterSpec.ED25519, new EdECPoint(odd, new BigInteger(1, be))));
                    return new JwtKey(kid, JwsAlgorithm.EdDSA, pub);
                }
                default -> throw new JwtException("key " + name + ": key type " + Printable.quote(kty)
                        + " is not accepted");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JwtException("key " + name + " is malformed or weak: " + e.getMessage());
        }
    }

    private static String text(JsonNode k, String name) {
        JsonNode v = k.get(name);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new JwtException("JWK member '" + name + "' is missing");
        }
        return v.textValue();
    }

    private static BigInteger big(JsonNode k, String name) {
        String v = text(k, name);
        if (v.length() > 2048) {
            throw new JwtException("JWK member '" + name + "' is too long");
        }
        return new BigInteger(1, Jose.decode(v));
    }
}
