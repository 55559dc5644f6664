package dev.supervisor.auth.password;

import java.util.Objects;

/**
 * Verifies either stored format by its PHC id and tells when to rehash to the configured default: move users
 * from PBKDF2 to Argon2id (or to stronger parameters) at their next login, without a flag day.
 *
 * <pre>{@code
 * PasswordHashers hashers = PasswordHashers.preferArgon2id(Pbkdf2Hasher.ofDefaults(), Argon2idHasher.ofDefaults());
 * if (hashers.verify(typed, stored) && hashers.needsRehash(stored)) {
 *     save(hashers.hash(typed));
 * }
 * }</pre>
 */
public final class PasswordHashers {
    private final Pbkdf2Hasher pbkdf2;
    private final Argon2idHasher argon2;
    private final boolean preferArgon2;
    private volatile Argon2idHasher readOnlyArgon2;

    private PasswordHashers(Pbkdf2Hasher pbkdf2, Argon2idHasher argon2, boolean preferArgon2) {
        this.pbkdf2 = pbkdf2;
        this.argon2 = argon2;
        this.preferArgon2 = preferArgon2;
    }

    /**
     * @param pbkdf2 reads existing PBKDF2 hashes
     * @param argon2 writes new hashes
     * @return hashers that write Argon2id and read both
     */
    public static PasswordHashers preferArgon2id(Pbkdf2Hasher pbkdf2, Argon2idHasher argon2) {
        return new PasswordHashers(Objects.requireNonNull(pbkdf2, "pbkdf2"), Objects.requireNonNull(argon2, "argon2"),
                true);
    }

    /**
     * @param pbkdf2 reads and writes PBKDF2 (JDK only, FIPS-friendly)
     * @return hashers that write PBKDF2; Argon2id strings are read only if password4j is present
     */
    public static PasswordHashers pbkdf2Only(Pbkdf2Hasher pbkdf2) {
        return new PasswordHashers(Objects.requireNonNull(pbkdf2, "pbkdf2"), null, false);
    }

    /** @param password the password @return a PHC string in the preferred format */
    public String hash(char[] password) {
        return preferArgon2 ? argon2.hash(password) : pbkdf2.hash(password);
    }

    /**
     * @param password the candidate
     * @param phc the stored string, either format
     * @return true if it matches
     * @throws IllegalArgumentException for an unknown or malformed format or parameters over the caps
     */
    public boolean verify(char[] password, String phc) {
        if (Argon2idHasher.isArgon2id(phc)) {
            return argon2().verify(password, phc);
        }
        return pbkdf2.verify(password, phc);
    }

    private Argon2idHasher argon2() {
        if (argon2 != null) {
            return argon2;
        }
        Argon2idHasher a = readOnlyArgon2;
        if (a == null) {
            a = Argon2idHasher.ofDefaults(); // made once: it computes a dummy hash
            readOnlyArgon2 = a;
        }
        return a;
    }

    /** @param password what was typed for an unknown user @return false, after the same work as a real check */
    public boolean verifyUnknownUser(char[] password) {
        return preferArgon2 ? argon2.verifyUnknownUser(password) : pbkdf2.verifyUnknownUser(password);
    }

    /** @param phc a stored string @return true if it is not in the preferred format or is weaker than it */
    public boolean needsRehash(String phc) {
        boolean isArgon = Argon2idHasher.isArgon2id(phc);
        if (preferArgon2) {
            return !isArgon || argon2.needsRehash(phc);
        }
        return isArgon || pbkdf2.needsRehash(phc);
    }
}
