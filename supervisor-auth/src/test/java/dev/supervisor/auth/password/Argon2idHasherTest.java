package dev.supervisor.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Argon2idHasherTest {
    /** phc-winner-argon2 README vector (security research §11). */
    private static final String REFERENCE =
            "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
    private final Argon2idHasher fast = Argon2idHasher.of(1024, 1, 1, new SecureRandom());

    @Test
    void verify_referencePhcVector() {
        Argon2idHasher quarter = Argon2idHasher.of(16_384, 2, 1, new SecureRandom()); // the vector is within 4x
        assertThat(quarter.verify("password".toCharArray(), REFERENCE)).isTrue();
        assertThat(quarter.verify("passwore".toCharArray(), REFERENCE)).isFalse();
    }

    @Test
    void hash_roundTripsInPhcFormat_withFreshSalts() {
        String a = fast.hash("correct horse".toCharArray());
        String b = fast.hash("correct horse".toCharArray());
        assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").isNotEqualTo(b);
        assertThat(fast.verify("correct horse".toCharArray(), a)).isTrue();
        assertThat(fast.verify("correct horsf".toCharArray(), a)).isFalse();
    }

    @Test
    void defaults_areOwaspMinimum() {
        assertThat(Argon2idHasher.ofDefaults().hash("x".toCharArray())).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void needsRehash_whenStoredParametersAreWeaker() {
        Argon2idHasher stronger = Argon2idHasher.of(2048, 2, 1, new SecureRandom());
        String weak = fast.hash("pw".toCharArray());
        assertThat(stronger.needsRehash(weak)).isTrue();
        assertThat(fast.needsRehash(weak)).isFalse();
        assertThat(fast.needsRehash(REFERENCE)).isFalse();
    }

    @Test
    void storedParametersAboveCaps_areRefusedBeforeComputing() {
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> fast.verify("pw".toCharArray(),
                "$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))
                .hasMessageContaining("refused before computing");
        assertThatThrownBy(() -> fast.verify("pw".toCharArray(),
                "$argon2id$v=19$m=1024,t=1000000000,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"))
                .hasMessageContaining("refused before computing");
        assertThat(System.nanoTime() - t0).isLessThan(1_000_000_000L);
        assertThatThrownBy(() -> fast.verify("pw".toCharArray(), "$argon2i$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA"))
                .hasMessageContaining("not an argon2id");
    }

    @Test
    void overlongPassword_isRejectedBeforeHashing_neverTruncated() {
        char[] tooLong = new char[1025];
        java.util.Arrays.fill(tooLong, 'a');
        assertThatThrownBy(() -> fast.hash(tooLong)).hasMessageContaining("1 to 1024");
        char[] a = new char[100];
        java.util.Arrays.fill(a, 'a');
        char[] b = a.clone();
        b[99] = 'b';
        // Equal in the first 72 bytes (bcrypt's silent limit) but different: must not collide.
        assertThat(fast.verify(b, fast.hash(a))).isFalse();
        Pbkdf2Hasher pbkdf2 = Pbkdf2Hasher.of(1_000, new SecureRandom());
        assertThat(pbkdf2.verify(b, pbkdf2.hash(a))).isFalse();
    }

    @Test
    void unknownUser_doesTheSameWork_andIsFalse() {
        assertThat(fast.verifyUnknownUser("anything".toCharArray())).isFalse();
        assertThat(fast.verifyUnknownUser(new char[0])).isFalse();
    }

    @Test
    void passwordHashers_migrateFromPbkdf2ToArgon2idAtLogin() {
        Pbkdf2Hasher pbkdf2 = Pbkdf2Hasher.of(1_000, new SecureRandom());
        PasswordHashers hashers = PasswordHashers.preferArgon2id(pbkdf2, fast);
        String old = pbkdf2.hash("pw".toCharArray());
        assertThat(hashers.verify("pw".toCharArray(), old)).isTrue();
        assertThat(hashers.needsRehash(old)).isTrue();
        String fresh = hashers.hash("pw".toCharArray());
        assertThat(fresh).startsWith("$argon2id$");
        assertThat(hashers.verify("pw".toCharArray(), fresh)).isTrue();
        assertThat(hashers.needsRehash(fresh)).isFalse();
        assertThat(PasswordHashers.pbkdf2Only(pbkdf2).needsRehash(fresh)).isTrue();
    }
}
