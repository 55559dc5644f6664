package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.MutableClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwksTest {
    private static final long NOW = 1_800_000_000L;
    private final MutableClock clock = MutableClock.at(Instant.ofEpochSecond(NOW));

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static String jwk(String kid, ECPublicKey k) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\""
                + b.encodeToString(fixed(k.getW().getAffineX().toByteArray())) + "\",\"y\":\""
                + b.encodeToString(fixed(k.getW().getAffineY().toByteArray())) + "\"}";
    }

    private static byte[] fixed(byte[] v) {
        byte[] out = new byte[32];
        int len = Math.min(32, v.length);
        System.arraycopy(v, v.length - len, out, 32 - len, len);
        return out;
    }

    @Test
    void rotation_unknownKidRefetchesOnceThenIsRateLimited() throws Exception {
        KeyPair old = ec();
        KeyPair fresh = ec();
        AtomicReference<String> published = new AtomicReference<>("{\"keys\":[" + jwk("k1",
                (ECPublicKey) old.getPublic()) + "]}");
        AtomicInteger fetches = new AtomicInteger();
        JwksKeySource source = JwksKeySource.of(() -> {
            fetches.incrementAndGet();
            return published.get();
        }, clock, Duration.ofMinutes(5));
        JwtVerifier v = JwtVerifier.builder().keySource(source).clock(clock).anyIssuer().anyAudience().build();
        Map<String, Object> claims = Map.of("exp", NOW + 60);

        assertThat(v.verify(JwtSigner.of("k1", JwsAlgorithm.ES256, old.getPrivate()).sign("JWT", claims))).isNotNull();
        published.set("{\"keys\":[" + jwk("k1", (ECPublicKey) old.getPublic()) + "," + jwk("k2",
                (ECPublicKey) fresh.getPublic()) + "]}");
        String k2Token = JwtSigner.of("k2", JwsAlgorithm.ES256, fresh.getPrivate()).sign("JWT", claims);
        assertThatThrownBy(() -> v.verify(k2Token)).hasMessage("unknown key id");
        clock.advance(Duration.ofMinutes(5));
        assertThat(v.verify(JwtSigner.of("k2", JwsAlgorithm.ES256, fresh.getPrivate()).sign("JWT",
                Map.of("exp", NOW + 600)))).isNotNull();
        int before = fetches.get();
        for (int i = 0; i < 100; i++) {
            String random = JwtSigner.of("rnd" + i, JwsAlgorithm.ES256, fresh.getPrivate()).sign("JWT",
                    Map.of("exp", NOW + 600));
            assertThatThrownBy(() -> v.verify(random)).hasMessage("unknown key id");
        }
        assertThat(fetches.get() - before).as("random kids cannot force fetches").isZero();
    }

    @Test
    void parse_refusesSymmetricAndMismatchedKeys() throws Exception {
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"s\",\"k\":\"c2VjcmV0\"}]}"))
                .hasMessageContaining("not accepted");
        String mismatched = jwk("k", (ECPublicKey) ec().getPublic()).replace("{\"kty\"", "{\"alg\":\"ES384\",\"kty\"");
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[" + mismatched + "]}")).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\"}]}"))
                .hasMessageContaining("'kid'");
        assertThatThrownBy(() -> Jwks.parse("[]")).hasMessageContaining("no keys");
    }

    @Test
    void parse_okpEd25519_fromRfc8037() {
        JwtKey k = Jwks.parse("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"ed\","
                + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}").get(0);
        assertThat(k.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
        String token = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
                + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        assertThat(JwsCrypto.verify(k, token.substring(0, token.lastIndexOf('.')).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), Base64.getUrlDecoder().decode(
                token.substring(token.lastIndexOf('.') + 1)))).isTrue();
    }
}
