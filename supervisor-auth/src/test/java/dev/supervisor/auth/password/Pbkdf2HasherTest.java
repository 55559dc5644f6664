package dev.supervisor.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Pbkdf2HasherTest {
    private final Pbkdf2Hasher hasher = Pbkdf2Hasher.of(1_000, new SecureRandom());

    @Test
    void derive_rfc7914Vectors() {
        assertThat(HexFormat.of().formatHex(Pbkdf2Hasher.derive("passwd".toCharArray(),
                "salt".getBytes(StandardCharsets.US_ASCII), 1, 64))).isEqualTo("55ac046e56e3089fec1691c22544b605f94185"
                + "216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        assertThat(HexFormat.of().formatHex(Pbkdf2Hasher.derive("Password".toCharArray(),
                "NaCl".getBytes(StandardCharsets.US_ASCII), 80_000, 64))).isEqualTo("4ddcd8f60b98be21830cee5ef22701f9"
                + "641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    @Test
    void hashThenVerify_roundTripsInPhcFormat() {
        String phc = hasher.hash("correct horse".toCharArray());
        assertThat(phc).startsWith("$pbkdf2-sha256$i=1000$");
        assertThat(hasher.verify("correct horse".toCharArray(), phc)).isTrue();
        assertThat(hasher.verify("correct horsE".toCharArray(), phc)).isFalse();
        assertThat(hasher.hash("correct horse".toCharArray())).as("salted").isNotEqualTo(phc);
    }

    @Test
    void defaults_use600kIterations_andOlderHashesNeedRehash() {
        assertThat(Pbkdf2Hasher.DEFAULT_ITERATIONS).isEqualTo(600_000);
        String old = hasher.hash("pw".toCharArray());
        assertThat(Pbkdf2Hasher.of(2_000, new SecureRandom()).needsRehash(old)).isTrue();
        assertThat(hasher.needsRehash(old)).isFalse();
    }

    @Test
    void verify_refusesParametersAboveTheCapsBeforeComputing() {
        assertThatThrownBy(() -> hasher.verify("pw".toCharArray(), "$pbkdf2-sha256$i=2000000000$c2FsdHNhbHQ$"
                + "AAAAAAAAAAAAAAAAAAAAAA")).hasMessageContaining("refused before computing");
        assertThatThrownBy(() -> hasher.verify("pw".toCharArray(), "$2a$05$whatever")).hasMessageContaining("PHC");
    }

    @Test
    void passwords_longerThanTheMaximum_areRejectedBeforeHashing() {
        assertThatThrownBy(() -> hasher.hash(new char[1025])).hasMessageContaining("1 to 1024");
        assertThatThrownBy(() -> hasher.hash(new char[0])).hasMessageContaining("1 to 1024");
    }

    @Test
    void unknownUser_failsAfterTheSameWork() {
        assertThat(hasher.verifyUnknownUser("anything".toCharArray())).isFalse();
    }
}
