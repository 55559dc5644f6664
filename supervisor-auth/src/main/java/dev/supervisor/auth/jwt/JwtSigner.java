package dev.supervisor.auth.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Issues JWS compact tokens with one pinned algorithm and key.
 */
public final class JwtSigner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String kid;
    private final JwsAlgorithm algorithm;
    private final Key key;

    private JwtSigner(String kid, JwsAlgorithm algorithm, Key key) {
        this.kid = kid;
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.key = Objects.requireNonNull(key, "key");
        if (algorithm.isHmac() ? !(key instanceof SecretKey) || key.getEncoded().length < algorithm.minKeySize
                : !(key instanceof PrivateKey)) {
            throw new IllegalArgumentException(algorithm + " signing needs " + (algorithm.isHmac()
                    ? "a secret key of at least " + algorithm.minKeySize + " bytes" : "a private key"));
        }
    }

    /**
     * @param kid the key id to put in the header, or null
     * @param algorithm the algorithm
     * @param key a secret key (HS*) or a private key
     * @return the signer
     */
    public static JwtSigner of(String kid, JwsAlgorithm algorithm, Key key) {
        return new JwtSigner(kid, algorithm, key);
    }

    /**
     * @param type the {@code typ} header (e.g. {@code JWT} or {@code at+jwt})
     * @param claims the claims (JSON-compatible values)
     * @return the compact token
     */
    public String sign(String type, Map<String, ?> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", algorithm.name());
        header.put("typ", type);
        if (kid != null) {
            header.put("kid", kid);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        try {
            String input = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims));
            return input + "." + b64.encodeToString(signature(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims are not JSON-compatible: " + e.getOriginalMessage());
        }
    }

    private byte[] signature(byte[] input) {
        try {
            return JwsCrypto.sign(algorithm, key, input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " signing failed", e);
        }
    }
}
