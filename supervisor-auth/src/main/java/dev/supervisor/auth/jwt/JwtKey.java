package dev.supervisor.auth.jwt;

import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * A verification key pinned to one algorithm: a token signed with any other algorithm is refused, whatever its
 * header says. Sizes are checked when the key is built.
 *
 * @param kid the key id ({@code kid}) or null
 * @param algorithm the only algorithm this key verifies
 * @param key the JCA key (secret or public)
 */
public record JwtKey(String kid, JwsAlgorithm algorithm, Key key) {

    /**
     * @throws IllegalArgumentException if the key does not fit the algorithm or is too small
     */
    public JwtKey {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        if (algorithm.isHmac()) {
            byte[] k = key.getEncoded();
            if (!(key instanceof SecretKeySpec) || k == null || k.length < algorithm.minKeySize) {
                throw new IllegalArgumentException(algorithm + " needs a secret key of at least "
                        + algorithm.minKeySize + " bytes");
            }
        } else if (algorithm == JwsAlgorithm.RS256 || algorithm == JwsAlgorithm.PS256) {
            if (!(key instanceof RSAPublicKey r) || r.getModulus().bitLength() < algorithm.minKeySize) {
                throw new IllegalArgumentException(algorithm + " needs an RSA public key of at least 2048 bits");
            }
        } else if (algorithm.isEc()) {
            if (!(key instanceof ECPublicKey e) || e.getParams().getCurve().getField().getFieldSize()
                    != algorithm.minKeySize) {
                throw new IllegalArgumentException(algorithm + " needs an EC public key on P-" + algorithm.minKeySize);
            }
        } else if (!(key instanceof EdECPublicKey)) {
            throw new IllegalArgumentException("EdDSA needs an Ed25519 public key");
        }
    }

    /**
     * @param kid the key id, or null
     * @param algorithm HS256, HS384 or HS512
     * @param secret the shared secret
     * @return the key
     */
    public static JwtKey hmac(String kid, JwsAlgorithm algorithm, byte[] secret) {
        if (!algorithm.isHmac()) {
            throw new IllegalArgumentException(algorithm + " is not an HMAC algorithm");
        }
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException(algorithm + " needs a secret key of at least " + algorithm.minKeySize
                    + " bytes");
        }
        return new JwtKey(kid, algorithm, new SecretKeySpec(secret, algorithm.jca));
    }
}
