package dev.supervisor.auth.jwt;

/**
 * The signature algorithms supported, with their JCA names and minimum key sizes.
 */
public enum JwsAlgorithm {
    /** HMAC SHA-256, key ≥ 32 bytes. */
    HS256("HmacSHA256", 32),
    /** HMAC SHA-384, key ≥ 48 bytes. */
    HS384("HmacSHA384", 48),
    /** HMAC SHA-512, key ≥ 64 bytes. */
    HS512("HmacSHA512", 64),
    /** RSASSA-PKCS1-v1_5 SHA-256, modulus ≥ 2048 bits. */
    RS256("SHA256withRSA", 2048),
    /** RSASSA-PSS SHA-256, modulus ≥ 2048 bits. */
    PS256("RSASSA-PSS", 2048),
    /** ECDSA P-256 SHA-256. */
    ES256("SHA256withECDSA", 256),
    /** ECDSA P-384 SHA-384. */
    ES384("SHA384withECDSA", 384),
    /** Ed25519. */
    EdDSA("Ed25519", 255);

    final String jca;
    final int minKeySize;

    JwsAlgorithm(String jca, int minKeySize) {
        this.jca = jca;
        this.minKeySize = minKeySize;
    }

    boolean isHmac() {
        return name().startsWith("HS");
    }

    boolean isEc() {
        return name().startsWith("ES");
    }
}
