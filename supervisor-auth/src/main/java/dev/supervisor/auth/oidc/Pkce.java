package dev.supervisor.auth.oidc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** RFC 7636 proof key: a 43–128 character verifier and its S256 challenge (plain is never offered). */
public final class Pkce {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Pkce() {
    }

    /**
     * @param random entropy
     * @return a 64-character verifier (48 random bytes, base64url)
     */
    public static String newVerifier(SecureRandom random) {
        byte[] b = new byte[48];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    /**
     * @param verifier 43–128 characters of {@code [A-Za-z0-9-._~]}
     * @return {@code BASE64URL(SHA256(ASCII(verifier)))}
     */
    public static String challenge(String verifier) {
        if (verifier == null || verifier.length() < 43 || verifier.length() > 128
                || !verifier.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~')) {
            throw new IllegalArgumentException("PKCE verifier must be 43-128 characters of [A-Za-z0-9-._~]");
        }
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
