package dev.supervisor.auth.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Argon2id password hashing in PHC format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), OWASP's first choice.
 * The algorithm comes from password4j, an <em>optional</em> dependency: add {@code com.password4j:password4j} to
 * use this class; without it {@link #ofDefaults()} fails with a {@link PasswordHashingException} naming the
 * library. Parameters are always read from the stored string and capped before any work is done: memory at
 * most {@link #MAX_FACTOR} times this hasher's, memory × passes at most {@link #MAX_FACTOR} times this hasher's
 * (so a stored {@code m=4194304} or {@code t=1000000000} is refused, not computed). An empty or overlong password
 * is answered exactly like a wrong one — {@code false}, after the same work — as is an unknown user
 * ({@link #verifyUnknownUser}).
 */
public final class Argon2idHasher {
    /** OWASP minimum: 19 MiB. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    /** OWASP minimum with 19 MiB. */
    public static final int DEFAULT_ITERATIONS = 2;
    /** OWASP minimum. */
    public static final int DEFAULT_PARALLELISM = 1;
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_PARALLELISM = 16;
    private static final int MAX_PASSWORD = 1024;
    /** Stored hashes may cost at most this many times the configured memory and memory × passes. */
    public static final int MAX_FACTOR = 4;
    private static final char[] SUBSTITUTE = "\u0000 not a password \u0000".toCharArray();
    private static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random;
    private final String dummy;

    private Argon2idHasher(int memoryKib, int iterations, int parallelism, SecureRandom random) {
        requireLibrary();
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.random = random;
        this.dummy = hash("not-a-real-password".toCharArray());
    }

    /**
     * @param memoryKib memory in KiB, 8×parallelism to 1 GiB
     * @param iterations passes, 1–100
     * @param parallelism lanes, 1–16
     * @param random salt source
     * @return a hasher writing these parameters
     * @throws PasswordHashingException if password4j is not on the class path
     */
    public static Argon2idHasher of(int memoryKib, int iterations, int parallelism, SecureRandom random) {
        checkParams(memoryKib, iterations, parallelism, IllegalArgumentException::new);
        return new Argon2idHasher(memoryKib, iterations, parallelism, Objects.requireNonNull(random, "random"));
    }

    /** @return m=19 MiB, t=2, p=1 (OWASP), salts from a new {@link SecureRandom} */
    public static Argon2idHasher ofDefaults() {
        return of(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM, new SecureRandom());
    }

    /** @return true if password4j is on the class path */
    public static boolean available() {
        try {
            Class.forName("com.password4j.Argon2Function", false, Argon2idHasher.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * @param password 1–1,024 characters (never truncated)
     * @return a PHC string with a fresh 16-byte salt
     */
    public String hash(char[] password) {
        checkLength(password);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] h = derive(password, salt, memoryKib, iterations, parallelism, 32);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(h);
    }

    /**
     * @param password the candidate
     * @param phc a stored Argon2id PHC string
     * @return true if it matches (constant-time comparison); false for a wrong, empty or overlong password
     * @throws IllegalArgumentException if the string is malformed or its parameters exceed the caps
     */
    public boolean verify(char[] password, String phc) {
        Parsed p = parse(phc);
        if (p.memory > (long) memoryKib * MAX_FACTOR
                || (long) p.memory * p.iterations > (long) memoryKib * iterations * MAX_FACTOR) {
            throw new IllegalArgumentException("stored hash refused before computing: m=" + p.memory + ", t="
                    + p.iterations + " costs more than " + MAX_FACTOR + " x m=" + memoryKib + ", t=" + iterations);
        }
        boolean usable = password != null && password.length > 0 && password.length <= MAX_PASSWORD;
        return MessageDigest.isEqual(derive(usable ? password : SUBSTITUTE, p.salt, p.memory, p.iterations,
                p.parallelism, p.hash.length), p.hash) && usable;
    }

    /**
     * Spends the same work as a real check against a dummy hash, so an unknown user cannot be told apart by time.
     *
     * @param password what was typed
     * @return always false
     */
    public boolean verifyUnknownUser(char[] password) {
        verify(password, dummy);
        return false;
    }

    /**
     * @param phc a stored string
     * @return true if it was made with weaker parameters than this hasher's (rehash on the next login)
     */
    public boolean needsRehash(String phc) {
        Parsed p = parse(phc);
        return p.memory < memoryKib || p.iterations < iterations || p.parallelism < parallelism;
    }

    private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
    }

    static boolean isArgon2id(String phc) {
        return phc != null && phc.startsWith(PREFIX);
    }

    private static Parsed parse(String phc) {
        if (!isArgon2id(phc) || phc.length() > 512) {
            throw new IllegalArgumentException("not an argon2id v=19 PHC string");
        }
        String[] parts = phc.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an argon2id v=19 PHC string");
        }
        int m = -1;
        int t = -1;
        int p = -1;
        for (String kv : parts[0].split(",", -1)) {
            int eq = kv.indexOf('=');
            String k = eq < 0 ? kv : kv.substring(0, eq);
            int v;
            try {
                v = Integer.parseInt(kv.substring(eq + 1));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("bad argon2id parameter '" + kv + "'");
            }
            switch (k) {
                case "m" -> m = v;
                case "t" -> t = v;
                case "p" -> p = v;
                default -> throw new IllegalArgumentException("unknown argon2id parameter '" + k + "'");
            }
        }
        checkParams(m, t, p, msg -> new IllegalArgumentException("stored hash refused before computing: " + msg));
        try {
            byte[] salt = B64D.decode(parts[1]);
            byte[] hash = B64D.decode(parts[2]);
            if (salt.length < 8 || salt.length > 64 || hash.length < 16 || hash.length > 64) {
                throw new IllegalArgumentException("PHC salt or hash has an unexpected length");
            }
            return new Parsed(m, t, p, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PHC string has bad base64: " + e.getMessage());
        }
    }

    private static void checkParams(int m, int t, int p, java.util.function.Function<String, RuntimeException> err) {
        if (p < 1 || p > MAX_PARALLELISM) {
            throw err.apply("parallelism " + p + " is outside [1, " + MAX_PARALLELISM + "]");
        }
        if (t < 1 || t > MAX_ITERATIONS) {
            throw err.apply("iterations " + t + " are outside [1, " + MAX_ITERATIONS + "]");
        }
        if (m < 8 * p || m > MAX_MEMORY_KIB) {
            throw err.apply("memory " + m + " KiB is outside [8*p, " + MAX_MEMORY_KIB + "]");
        }
    }

    private static void checkLength(char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("password must be 1 to " + MAX_PASSWORD + " characters");
        }
    }

    private static void requireLibrary() {
        if (!available()) {
            throw new PasswordHashingException("Argon2id needs com.password4j:password4j on the class path "
                    + "(an optional dependency of supervisor-auth); add it, or use Pbkdf2Hasher");
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int m, int t, int p, int length) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
        try {
            return com.password4j.Argon2Function.getInstance(m, t, p, length, com.password4j.types.Argon2.ID, 19)
                    .hash(pw, salt).getBytes();
        } finally {
            Arrays.fill(pw, (byte) 0);
            Arrays.fill(bb.array(), (byte) 0);
        }
    }
}
