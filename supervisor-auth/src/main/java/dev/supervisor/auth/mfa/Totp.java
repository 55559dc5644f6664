package dev.supervisor.auth.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4226 HOTP and RFC 6238 TOTP codes.
 */
public final class Totp {
    /** The HMAC behind the codes. */
    public enum Algorithm {
        /** HmacSHA1 (authenticator-app default). */
        SHA1("HmacSHA1"),
        /** HmacSHA256. */
        SHA256("HmacSHA256"),
        /** HmacSHA512. */
        SHA512("HmacSHA512");

        final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private Totp() {
    }

    /** Shortest shared secret accepted: 16 bytes (128 bits, RFC 4226 §4 R6). */
    public static final int MIN_SECRET_BYTES = 16;

    /**
     * @param random entropy
     * @return a new 20-byte (160-bit) secret, the length RFC 4226 recommends
     */
    public static byte[] newSecret(java.security.SecureRandom random) {
        byte[] s = new byte[20];
        random.nextBytes(s);
        return s;
    }

    static void checkSecret(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("TOTP secret must be at least " + MIN_SECRET_BYTES + " bytes (128 bits)"
                    + " but was " + (secret == null ? "null" : secret.length + " bytes"));
        }
    }

    /**
     * @param secret the shared secret, at least 16 bytes
     * @param counter the moving factor
     * @param algorithm the HMAC
     * @param digits 6 to 8
     * @return the zero-padded code
     */
    public static String hotp(byte[] secret, long counter, Algorithm algorithm, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6, 7 or 8 but was " + digits);
        }
        checkSecret(secret);
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret, algorithm.jca));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int off = h[h.length - 1] & 0x0f;
            int bin = (h[off] & 0x7f) << 24 | (h[off + 1] & 0xff) << 16 | (h[off + 2] & 0xff) << 8
                    | (h[off + 3] & 0xff);
            int mod = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", bin % mod);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm.jca + " is required of every JVM", e);
        }
    }

    /**
     * @param secret the shared secret, at least 16 bytes
     * @param epochSeconds the time
     * @param step the time step in seconds (30)
     * @param algorithm the HMAC
     * @param digits 6 to 8
     * @return the code for that time
     */
    public static String totp(byte[] secret, long epochSeconds, int step, Algorithm algorithm, int digits) {
        return hotp(secret, Math.floorDiv(epochSeconds, step), algorithm, digits);
    }

    /** Constant-time comparison of two codes (never {@code String.equals} on secret material). */
    static boolean sameCode(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                b.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
