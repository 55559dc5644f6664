package dev.supervisor.auth.password;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes as PHC strings {@code $pbkdf2-sha256$i=600000$salt$hash} (unpadded
 * base64). Verification refuses, before any work, stored hashes with more than {@link #MAX_FACTOR} times this
 * hasher's iterations (a stored hash must not be able to make a login cost seconds), compares in constant time,
 * and answers an empty or overlong password exactly like a wrong one — {@code false}, after the same work — so
 * known and unknown users ({@link #verifyUnknownUser}) cannot be told apart by the answer or its cost.
 */
public final class Pbkdf2Hasher {
    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    /** Stored hashes may use at most this many times the configured iterations. */
    public static final int MAX_FACTOR = 4;
    private static final int MAX_PASSWORD = 1024;
    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int iterations;
    private final SecureRandom random;
    private final String dummy;

    private Pbkdf2Hasher(int iterations, SecureRandom random) {
        this.iterations = iterations;
        this.random = random;
        this.dummy = hash("not-a-real-password".toCharArray());
    }

    /**
     * @param iterations work factor, 1,000 to 10,000,000 ({@link #DEFAULT_ITERATIONS} in production)
     * @param random salt source
     * @return the hasher
     */
    public static Pbkdf2Hasher of(int iterations, SecureRandom random) {
        if (iterations < 1_000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be in [1000, " + MAX_ITERATIONS + "] but was "
                    + iterations);
        }
        return new Pbkdf2Hasher(iterations, random);
    }

    /** @return a hasher with 600,000 iterations */
    public static Pbkdf2Hasher ofDefaults() {
        return of(DEFAULT_ITERATIONS, new SecureRandom());
    }

    /**
     * @param password the password (at most 1,024 characters)
     * @return a PHC string
     * @throws IllegalArgumentException if the password is empty or too long (checked before any hashing)
     */
    public String hash(char[] password) {
        checkLength(password);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return PREFIX + iterations + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(derive(password, salt, iterations, 32));
    }

    /**
     * @param password the candidate
     * @param phc a stored hash
     * @return true if they match; false for a wrong, empty or overlong password (after the same work)
     * @throws IllegalArgumentException if the stored hash is malformed or its parameters exceed the caps
     */
    public boolean verify(char[] password, String phc) {
        Parsed p = parse(phc);
        if (p.iterations > (long) iterations * MAX_FACTOR) {
            throw new IllegalArgumentException("PHC iteration count " + p.iterations + " is above " + MAX_FACTOR
                    + " x " + iterations + ": refused before computing");
        }
        boolean usable = password != null && password.length > 0 && password.length <= MAX_PASSWORD;
        byte[] actual = derive(usable ? password : SUBSTITUTE, p.salt, p.iterations, p.hash.length);
        return MessageDigest.isEqual(actual, p.hash) && usable;
    }

    private static final char[] SUBSTITUTE = "\u0000 not a password \u0000".toCharArray();

    /**
     * Spends the same work as a real verification and fails, so timing does not reveal unknown users.
     *
     * @param password the candidate
     * @return false
     */
    public boolean verifyUnknownUser(char[] password) {
        verify(password, dummy);
        return false;
    }

    /**
     * @param phc a stored hash
     * @return true if it was made with fewer iterations than this hasher uses
     */
    public boolean needsRehash(String phc) {
        return parse(phc).iterations < iterations;
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String phc) {
        if (phc == null || !phc.startsWith(PREFIX) || phc.length() > 512) {
            throw new IllegalArgumentException("not a pbkdf2-sha256 PHC string");
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a pbkdf2-sha256 PHC string");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad iteration count in PHC string");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("PHC iteration count " + iterations + " is outside [1, "
                    + MAX_ITERATIONS + "]: refused before computing");
        }
        try {
            byte[] salt = B64D.decode(parts[1]);
            byte[] hash = B64D.decode(parts[2]);
            if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
                throw new IllegalArgumentException("PHC salt or hash has an unexpected length");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PHC string has bad base64: " + e.getMessage());
        }
    }

    private static void checkLength(char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("password must be 1 to " + MAX_PASSWORD + " characters");
        }
    }

    /** PBKDF2-HMAC-SHA256 of the JDK. */
    static byte[] derive(char[] password, byte[] salt, int iterations, int length) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, length * 8);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is required of every JVM", e);
        }
    }
}
