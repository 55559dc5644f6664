package dev.supervisor.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Known and unknown users get the same answer for any password; stored hashes cannot demand minutes of CPU. */
class PasswordOracleTest {
    private final Pbkdf2Hasher pbkdf2 = Pbkdf2Hasher.of(1_000, new SecureRandom());
    private final Argon2idHasher argon2 = Argon2idHasher.of(1024, 1, 1, new SecureRandom());

    @Test
    void verify_overlongOrEmptyPassword_knownUserAnswersLikeUnknown() {
        char[] overlong = new char[5_000];
        java.util.Arrays.fill(overlong, 'a');
        String pStored = pbkdf2.hash("pw".toCharArray());
        String aStored = argon2.hash("pw".toCharArray());
        for (char[] pw : new char[][] {overlong, new char[0], null}) {
            assertThat(pbkdf2.verify(pw, pStored)).isEqualTo(pbkdf2.verifyUnknownUser(pw)).isFalse();
            assertThat(argon2.verify(pw, aStored)).isEqualTo(argon2.verifyUnknownUser(pw)).isFalse();
        }
    }

    @Test
    void verify_storedParametersAboveFourTimesTheConfigured_areRefusedBeforeComputing() {
        assertThatThrownBy(() -> pbkdf2.verify("pw".toCharArray(), "$pbkdf2-sha256$i=4001$c2FsdHNhbHQ$"
                + "AAAAAAAAAAAAAAAAAAAAAA")).hasMessageContaining("refused before computing");
        String salt = "c29tZXNhbHQ";
        String hash = "CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThatThrownBy(() -> argon2.verify("pw".toCharArray(), "$argon2id$v=19$m=1048576,t=1,p=1$" + salt + "$"
                + hash)).hasMessageContaining("refused before computing");
        assertThatThrownBy(() -> argon2.verify("pw".toCharArray(), "$argon2id$v=19$m=1024,t=5,p=1$" + salt + "$"
                + hash)).hasMessageContaining("refused before computing");
        assertThat(argon2.verify("pw".toCharArray(), "$argon2id$v=19$m=2048,t=2,p=1$" + salt + "$" + hash))
                .as("within 4x: computed, and wrong").isFalse();
    }
}
