package dev.supervisor.auth.jwt;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * The signature algorithms supported (RFC 7518 §3 and RFC 8037), with their JCA names and minimum key sizes.
 */
public enum JwsAlgorithm {
    /** HMAC SHA-256, key ≥ 32 bytes. */
    HS256("HmacSHA256", 32, null),
    /** HMAC SHA-384, key ≥ 48 bytes. */
    HS384("HmacSHA384", 48, null),
    /** HMAC SHA-512, key ≥ 64 bytes. */
    HS512("HmacSHA512", 64, null),
    /** RSASSA-PKCS1-v1_5 SHA-256, modulus ≥ 2048 bits. */
    RS256("SHA256withRSA", 2048, null),
    /** RSASSA-PKCS1-v1_5 SHA-384, modulus ≥ 2048 bits. */
    RS384("SHA384withRSA", 2048, null),
    /** RSASSA-PKCS1-v1_5 SHA-512, modulus ≥ 2048 bits. */
    RS512("SHA512withRSA", 2048, null),
    /** RSASSA-PSS SHA-256 (MGF1 SHA-256, 32-byte salt), modulus ≥ 2048 bits. */
    PS256("RSASSA-PSS", 2048, new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1)),
    /** RSASSA-PSS SHA-384 (MGF1 SHA-384, 48-byte salt), modulus ≥ 2048 bits. */
    PS384("RSASSA-PSS", 2048, new PSSParameterSpec("SHA-384", "MGF1", MGF1ParameterSpec.SHA384, 48, 1)),
    /** RSASSA-PSS SHA-512 (MGF1 SHA-512, 64-byte salt), modulus ≥ 2048 bits. */
    PS512("RSASSA-PSS", 2048, new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1)),
    /** ECDSA P-256 SHA-256. */
    ES256("SHA256withECDSA", 256, null),
    /** ECDSA P-384 SHA-384. */
    ES384("SHA384withECDSA", 384, null),
    /** ECDSA P-521 SHA-512. */
    ES512("SHA512withECDSA", 521, null),
    /** Ed25519. */
    EdDSA("Ed25519", 255, null);

    final String jca;
    final int minKeySize;
    final AlgorithmParameterSpec pss;

    JwsAlgorithm(String jca, int minKeySize, AlgorithmParameterSpec pss) {
        this.jca = jca;
        this.minKeySize = minKeySize;
        this.pss = pss;
    }

    boolean isHmac() {
        return name().startsWith("HS");
    }

    boolean isRsa() {
        return name().startsWith("RS") || name().startsWith("PS");
    }

    boolean isEc() {
        return name().startsWith("ES");
    }

    /** @return bytes of one ECDSA value (r or s) in a JWS signature */
    int ecValueBytes() {
        return (minKeySize + 7) / 8;
    }

    /** @return the JCA curve name of an ES* algorithm */
    String curve() {
        return switch (this) {
            case ES256 -> "secp256r1";
            case ES384 -> "secp384r1";
            case ES512 -> "secp521r1";
            default -> throw new IllegalStateException(this + " is not ECDSA");
        };
    }

    /** @return the JWK {@code crv} of an ES* algorithm */
    String jwkCurve() {
        return "P-" + minKeySize;
    }
}
