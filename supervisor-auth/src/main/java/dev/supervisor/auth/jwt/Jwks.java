package dev.supervisor.auth.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
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
import java.util.Base64;
import java.util.List;

/**
 * Parses a JSON Web Key Set into pinned verification keys. Every key needs a {@code kid}; the algorithm comes from
 * {@code alg} when present (and must fit the key type) or from the key type; symmetric ({@code oct}) keys are
 * refused — a shared secret has no business in a published key set.
 */
public final class Jwks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwks() {
    }

    /**
     * @param json a JWKS document {@code {"keys":[...]}}
     * @return the keys
     * @throws JwtException if the document or a key is malformed
     */
    public static List<JwtKey> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new JwtException("JWKS is not JSON");
        }
        JsonNode keys = root == null ? null : root.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new JwtException("JWKS has no keys array");
        }
        List<JwtKey> out = new ArrayList<>();
        for (JsonNode k : keys) {
            out.add(key(k));
        }
        return out;
    }

    private static JwtKey key(JsonNode k) {
        String kty = text(k, "kty");
        String kid = text(k, "kid");
        String alg = k.has("alg") ? text(k, "alg") : null;
        try {
            switch (kty) {
                case "RSA" -> {
                    PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            big(k, "n"), big(k, "e")));
                    JwsAlgorithm a = alg == null ? JwsAlgorithm.RS256 : JwsAlgorithm.valueOf(alg);
                    return new JwtKey(kid, a, pub);
                }
                case "EC" -> {
                    String crv = text(k, "crv");
                    JwsAlgorithm a = switch (crv) {
                        case "P-256" -> JwsAlgorithm.ES256;
                        case "P-384" -> JwsAlgorithm.ES384;
                        default -> throw new JwtException("unsupported curve " + crv);
                    };
                    if (alg != null && !alg.equals(a.name())) {
                        throw new JwtException("key " + kid + ": alg " + alg + " does not fit curve " + crv);
                    }
                    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                    params.init(new ECGenParameterSpec(crv.equals("P-256") ? "secp256r1" : "secp384r1"));
                    ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
                    PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                            new ECPoint(big(k, "x"), big(k, "y")), spec));
                    return new JwtKey(kid, a, pub);
                }
                case "OKP" -> {
                    if (!"Ed25519".equals(text(k, "crv")) || alg != null && !alg.equals("EdDSA")) {
                        throw new JwtException("key " + kid + ": only Ed25519 OKP keys are supported");
                    }
                    byte[] x = Base64.getUrlDecoder().decode(text(k, "x"));
                    if (x.length != 32) {
                        throw new JwtException("key " + kid + ": Ed25519 x must be 32 bytes");
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
                default -> throw new JwtException("key " + kid + ": key type " + kty + " is not accepted");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new JwtException("key " + kid + " is malformed: " + e.getMessage());
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
        return new BigInteger(1, Base64.getUrlDecoder().decode(text(k, name)));
    }
}
