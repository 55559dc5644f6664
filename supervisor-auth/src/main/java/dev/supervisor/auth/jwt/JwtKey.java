package dev.supervisor.auth.jwt;

import dev.supervisor.auth.jwt.internal.KeyChecks;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * A verification key pinned to one algorithm: a token signed with any other algorithm is refused, whatever its
 * header says. The key is checked when built: HMAC secrets of at least the hash size, RSA moduli of 2,048 to
 * 8,192 bits with a sound exponent and without the ROCA fingerprint, EC points on the algorithm's curve.
 *
 * @param kid the key id ({@code kid}) or null
 * @param algorithm the only algorithm this key verifies
 * @param key the JCA key (secret or public)
 */
public record JwtKey(String kid, JwsAlgorithm algorithm, Key key) {

    /**
     * @throws IllegalArgumentException if the key does not fit the algorithm, is too small or is unsound
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
        } else if (algorithm.isRsa()) {
            if (!(key instanceof RSAPublicKey r) || r.getModulus().bitLength() < algorithm.minKeySize) {
                throw new IllegalArgumentException(algorithm + " needs an RSA public key of at least 2048 bits");
            }
            String problem = KeyChecks.rsaProblem(r);
            if (problem != null) {
                throw new IllegalArgumentException(algorithm + " key refused: " + problem);
            }
        } else if (algorithm.isEc()) {
            if (!(key instanceof ECPublicKey e) || e.getParams().getCurve().getField().getFieldSize()
                    != algorithm.minKeySize) {
                throw new IllegalArgumentException(algorithm + " needs an EC public key on " + algorithm.jwkCurve());
            }
            if (!KeyChecks.onCurve(e)) {
                throw new IllegalArgumentException(algorithm + " key refused: its point is not on "
                        + algorithm.jwkCurve());
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

    static int rsaBits(Key key) {
        return ((RSAPublicKey) key).getModulus().bitLength();
    }
}
