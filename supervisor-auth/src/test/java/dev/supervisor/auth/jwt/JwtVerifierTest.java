package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7515/7519 vectors and the attack list of the security notes (§14 items 1–12). */
class JwtVerifierTest {
    private static final String A1 = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkz"
            + "ODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String A1_PAYLOAD = A1.split("\\.")[1];
    private static final byte[] A1_KEY = Base64.getUrlDecoder().decode(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    private static final String A3 = "eyJhbGciOiJFUzI1NiJ9." + A1_PAYLOAD
            + ".DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";
    private static final BigInteger P256_N = new BigInteger(
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    private static final long VALID_AT = 1_300_819_300L;

    private static Clock at(long epoch) {
        return Clock.fixed(Instant.ofEpochSecond(epoch), ZoneOffset.UTC);
    }

    private static JwtVerifier hs256(long epoch) {
        return JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, A1_KEY)).clock(at(epoch))
                .issuer("joe").anyAudience().build();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs header.payload with the A.1 key: attacks must fail on their content, not on a bad signature. */
    private static String signHs256(String headerJson, String payload) throws Exception {
        String input = b64(headerJson) + "." + payload;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(A1_KEY, "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static ECPublicKey a3Key() throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        BigInteger x = new BigInteger(1, Base64.getUrlDecoder().decode("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"));
        BigInteger y = new BigInteger(1, Base64.getUrlDecoder().decode("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }

    /* ---- 1. vectors and time ---- */

    @Test
    void rfc7515A1_acceptedInItsLifetime_rejectedAfterExpiryPlusLeeway() {
        assertThat(hs256(VALID_AT).verify(A1).claims().get("iss").asText()).isEqualTo("joe");
        assertThat(hs256(1_300_819_380L + 59).verify(A1)).isNotNull();
        assertThatThrownBy(() -> hs256(1_300_819_380L + 60).verify(A1)).hasMessage("token expired");
        assertThatThrownBy(() -> JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, A1_KEY))
                .clock(at(VALID_AT)).issuer("joe").audience("api").build().verify(A1)).hasMessage("audience mismatch");
    }

    @Test
    void rfc7515A3_es256Verifies_andPsychicSignaturesDoNot() throws Exception {
        JwtVerifier es = JwtVerifier.builder().key(new JwtKey(null, JwsAlgorithm.ES256, a3Key())).clock(at(VALID_AT))
                .issuer("joe").anyAudience().build();
        assertThat(es.verify(A3).claims().get("iss").asText()).isEqualTo("joe");
        String zeros = A3.substring(0, A3.lastIndexOf('.') + 1) + "A".repeat(86);
        assertThatThrownBy(() -> es.verify(zeros)).isInstanceOf(JwtException.class);
        byte[] n = P256_N.toByteArray();
        byte[] rs = new byte[64];
        System.arraycopy(n, n.length - 32, rs, 0, 32);
        System.arraycopy(n, n.length - 32, rs, 32, 32);
        String rsN = A3.substring(0, A3.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(rs);
        assertThatThrownBy(() -> es.verify(rsN)).isInstanceOf(JwtException.class);
        String der = A3.substring(0, A3.lastIndexOf('.') + 1) + "MAYCAQACAQA";
        assertThatThrownBy(() -> es.verify(der)).isInstanceOf(JwtException.class);
    }

    @Test
    void psychicEs256_rOrSZeroOrNotBelowTheOrder_isRejected() throws Exception {
        JwtVerifier es = JwtVerifier.builder().key(new JwtKey(null, JwsAlgorithm.ES256, a3Key())).clock(at(VALID_AT))
                .issuer("joe").anyAudience().build();
        byte[] valid = Base64.getUrlDecoder().decode(A3.substring(A3.lastIndexOf('.') + 1));
        byte[] n = P256_N.toByteArray();
        byte[] nPlus1 = P256_N.add(BigInteger.ONE).toByteArray();
        for (int variant = 0; variant < 5; variant++) {
            byte[] sig = valid.clone();
            switch (variant) {
                case 0 -> java.util.Arrays.fill(sig, 0, 32, (byte) 0); // r = 0
                case 1 -> java.util.Arrays.fill(sig, 32, 64, (byte) 0); // s = 0
                case 2 -> System.arraycopy(n, n.length - 32, sig, 0, 32); // r = n
                case 3 -> System.arraycopy(nPlus1, nPlus1.length - 32, sig, 0, 32); // r = n + 1
                default -> java.util.Arrays.fill(sig, 0, 32, (byte) 0xff); // r > n
            }
            String t = A3.substring(0, A3.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sig);
            assertThatThrownBy(() -> es.verify(t)).as("variant %d", variant).isInstanceOf(JwtException.class);
        }
    }

    /* ---- 2. none and unsigned ---- */

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void algNone_inEveryCase_isRejected(String alg) throws Exception {
        String unsigned = b64("{\"alg\":\"" + alg + "\"}") + "." + A1_PAYLOAD + ".";
        assertThatThrownBy(() -> hs256(VALID_AT).verify(unsigned)).hasMessage("unsigned tokens are not accepted");
        String signedAnyway = signHs256("{\"alg\":\"" + alg + "\"}", A1_PAYLOAD);
        assertThatThrownBy(() -> hs256(VALID_AT).verify(signedAnyway)).hasMessageContaining("pinned");
    }

    /* ---- 3. key confusion and key floors ---- */

    @Test
    void keyConfusion_hs256SignedWithThePublicKey_isRejectedByAnEs256Verifier() throws Exception {
        ECPublicKey pub = a3Key();
        String input = b64("{\"alg\":\"HS256\"}") + "." + A1_PAYLOAD;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(pub.getEncoded(), "HmacSHA256"));
        String forged = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        JwtVerifier es = JwtVerifier.builder().key(new JwtKey(null, JwsAlgorithm.ES256, pub)).clock(at(VALID_AT))
                .issuer("joe").anyAudience().build();
        assertThatThrownBy(() -> es.verify(forged)).hasMessageContaining("pinned");
    }

    @Test
    void keyConfusion_everyEncodingOfThePublicKeyAsAnHmacSecret_isRejected() throws Exception {
        ECPublicKey pub = a3Key();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pub.getEncoded()) + "\n-----END PUBLIC KEY-----";
        String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}";
        JwtVerifier es = JwtVerifier.builder().key(new JwtKey(null, JwsAlgorithm.ES256, pub)).clock(at(VALID_AT))
                .issuer("joe").anyAudience().build();
        for (byte[] secret : new byte[][] {pem.getBytes(StandardCharsets.US_ASCII),
            (pem + "\n").getBytes(StandardCharsets.US_ASCII), pub.getEncoded(), jwk.getBytes(StandardCharsets.UTF_8)}) {
            String input = b64("{\"alg\":\"HS256\"}") + "." + A1_PAYLOAD;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String forged = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
            assertThatThrownBy(() -> es.verify(forged)).hasMessageContaining("pinned");
        }
    }

    @Test
    void shortHmacKeys_areRefusedAtConstruction() {
        assertThatThrownBy(() -> JwtKey.hmac(null, JwsAlgorithm.HS256, new byte[31])).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> JwtKey.hmac(null, JwsAlgorithm.HS512, new byte[63])).hasMessageContaining("64 bytes");
        assertThatThrownBy(() -> JwtKey.hmac(null, JwsAlgorithm.HS256, new byte[0])).isInstanceOf(
                IllegalArgumentException.class);
    }

    /* ---- 5. encodings ---- */

    @Test
    void nonCanonicalAndMalformedEncodings_areRejected() {
        assertThatThrownBy(() -> hs256(VALID_AT).verify(A1.substring(0, A1.length() - 1) + "l"))
                .hasMessageContaining("canonical");
        assertThatThrownBy(() -> hs256(VALID_AT).verify(A1 + "=")).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> hs256(VALID_AT).verify(A1.replace('-', '+'))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> hs256(VALID_AT).verify(" " + A1)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> hs256(VALID_AT).verify(A1.substring(0, A1.lastIndexOf('.'))))
                .hasMessageContaining("three segments");
        assertThatThrownBy(() -> hs256(VALID_AT).verify(A1 + ".x")).hasMessageContaining("three segments");
    }

    @Test
    void nonCanonicalTrailingBits_inEveryRemainderClass_areRejected() throws Exception {
        // Flip the unused low bits of the last character of each segment (lengths 2 and 3 mod 4 both occur).
        for (int extra = 0; extra < 3; extra++) {
            String token = signHs256("{\"alg\":\"HS256\"" + " ".repeat(extra) + "}", A1_PAYLOAD);
            String[] parts = token.split("\\.");
            for (int seg = 0; seg < 3; seg++) {
                String p = parts[seg];
                if (p.length() % 4 == 0) {
                    continue;
                }
                char last = p.charAt(p.length() - 1);
                char bumped = last == 'A' ? 'B' : last == 'Q' ? 'R' : last == 'g' ? 'h' : last == 'w' ? 'x'
                        : (char) (last + 1);
                String[] copy = parts.clone();
                copy[seg] = p.substring(0, p.length() - 1) + bumped;
                String altered = String.join(".", copy);
                assertThatThrownBy(() -> hs256(VALID_AT).verify(altered)).isInstanceOf(JwtException.class);
            }
        }
    }

    @Test
    void returnedHeader_isACopy_soMutatingItCannotAffectLaterTokens() {
        JwtVerifier v = hs256(VALID_AT);
        ((com.fasterxml.jackson.databind.node.ObjectNode) v.verify(A1).header()).put("crit", "x").remove("alg");
        assertThat(v.verify(A1).header().get("alg").asText()).isEqualTo("HS256");
    }

    /* ---- 6-8. headers ---- */

    @ParameterizedTest
    @ValueSource(strings = {"jku", "x5u", "jwk", "x5c", "crit", "zip"})
    void pointerAndExtensionHeaders_areRejected(String header) throws Exception {
        String token = signHs256("{\"alg\":\"HS256\",\"" + header + "\":\"https://evil.example/x\"}", A1_PAYLOAD);
        assertThatThrownBy(() -> hs256(VALID_AT).verify(token)).hasMessage("header '" + header + "' is not accepted");
    }

    @Test
    void duplicateMembers_andUnknownKids_areRejected() throws Exception {
        String dup = signHs256("{\"alg\":\"HS256\",\"alg\":\"none\"}", A1_PAYLOAD);
        assertThatThrownBy(() -> hs256(VALID_AT).verify(dup)).hasMessageContaining("repeats a member");
        JwtVerifier withKid = JwtVerifier.builder().key(JwtKey.hmac("k1", JwsAlgorithm.HS256, A1_KEY))
                .clock(at(VALID_AT)).anyIssuer().anyAudience().build();
        for (String kid : new String[] {"../../dev/null", "' OR '1'='1", "", "x".repeat(10_000), "k2"}) {
            String t = signHs256("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}", A1_PAYLOAD);
            assertThatThrownBy(() -> withKid.verify(t)).isInstanceOf(JwtException.class);
        }
        assertThat(withKid.verify(signHs256("{\"alg\":\"HS256\",\"kid\":\"k1\"}", A1_PAYLOAD))).isNotNull();
    }

    /* ---- 9-11. claims ---- */

    @ParameterizedTest
    @ValueSource(strings = {"{\"iss\":\"joe\"}", "{\"iss\":\"joe\",\"exp\":\"1300819380\"}",
        "{\"iss\":\"joe\",\"exp\":1e400}", "{\"iss\":\"joe\",\"exp\":-5}", "{\"iss\":\"joe\",\"exp\":1300819380.5}",
        "{\"iss\":\"joe\",\"exp\":1300819380,\"nbf\":1300819999}",
        "{\"iss\":\"joe\",\"exp\":1300819380,\"iat\":1300819999}", "{\"iss\":\"jane\",\"exp\":1300819380}"})
    void badClaims_areRejected(String claims) throws Exception {
        String t = signHs256("{\"alg\":\"HS256\"}", b64(claims));
        assertThatThrownBy(() -> hs256(VALID_AT).verify(t)).isInstanceOf(JwtException.class);
    }

    @Test
    void audienceAndIssuer_onlyAnExactMemberOrValuePasses() throws Exception {
        JwtVerifier v = JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, A1_KEY)).clock(at(VALID_AT))
                .issuer("joe").audience("api").build();
        for (String claims : new String[] {"{\"iss\":\"joe\",\"exp\":1300819380}",
            "{\"iss\":\"joe\",\"aud\":\"other\",\"exp\":1300819380}",
            "{\"iss\":\"joe\",\"aud\":[\"a\",\"b\"],\"exp\":1300819380}",
            "{\"iss\":\"joe\",\"aud\":\"API\",\"exp\":1300819380}",
            "{\"iss\":\"joe\",\"aud\":[[\"api\"]],\"exp\":1300819380}",
            "{\"iss\":\"Joe\",\"aud\":\"api\",\"exp\":1300819380}",
            "{\"aud\":\"api\",\"exp\":1300819380}"}) {
            String t = signHs256("{\"alg\":\"HS256\"}", b64(claims));
            assertThatThrownBy(() -> v.verify(t)).as(claims).hasMessageContaining("mismatch");
        }
        assertThat(v.verify(signHs256("{\"alg\":\"HS256\"}",
                b64("{\"iss\":\"joe\",\"aud\":[\"x\",\"api\"],\"exp\":1300819380}")))).isNotNull();
    }

    @Test
    void typeAndLifetime_areEnforcedWhenConfigured() throws Exception {
        JwtVerifier access = JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, A1_KEY))
                .clock(at(VALID_AT)).type("at+jwt").maxLifetime(java.time.Duration.ofMinutes(30)).anyIssuer()
                .anyAudience().build();
        String refresh = signHs256("{\"alg\":\"HS256\",\"typ\":\"refresh+jwt\"}",
                b64("{\"exp\":1300819380,\"iat\":1300819200}"));
        assertThatThrownBy(() -> access.verify(refresh)).hasMessage("token type is not 'at+jwt'");
        String longLived = signHs256("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
                b64("{\"exp\":1300819380,\"iat\":1300000000}"));
        assertThatThrownBy(() -> access.verify(longLived)).hasMessageContaining("lifetime");
        String ok = signHs256("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", b64("{\"exp\":1300819380,\"iat\":1300819200}"));
        assertThat(access.verify(ok)).isNotNull();
    }

    /* ---- 13. revocation survives malleation ---- */

    @Test
    void revokedJti_staysRevokedForAnEcdsaMalleatedCopy() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        java.security.KeyPair kp = g.generateKeyPair();
        String token = JwtSigner.of(null, JwsAlgorithm.ES256, kp.getPrivate()).sign("JWT",
                java.util.Map.of("iss", "https://issuer", "jti", "t-1", "exp", VALID_AT + 600));
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        byte[] ns = P256_N.subtract(s).toByteArray();
        byte[] malleated = sig.clone();
        java.util.Arrays.fill(malleated, 32, 64, (byte) 0);
        int len = Math.min(32, ns.length);
        System.arraycopy(ns, ns.length - len, malleated, 64 - len, len);
        String twin = token.substring(0, token.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(malleated);
        RevokedTokens revoked = RevokedTokens.of(100, at(VALID_AT));
        JwtVerifier v = JwtVerifier.builder().key(new JwtKey(null, JwsAlgorithm.ES256, kp.getPublic()))
                .clock(at(VALID_AT)).revoked(revoked).anyIssuer().anyAudience().build();
        assertThat(v.verify(twin)).as("(r, n - s) is a valid ECDSA signature too").isNotNull();
        revoked.revoke("https://issuer", "t-1", Instant.ofEpochSecond(VALID_AT + 600));
        assertThatThrownBy(() -> v.verify(token)).hasMessage("token revoked");
        assertThatThrownBy(() -> v.verify(twin)).hasMessage("token revoked");
    }

    /* ---- RFC 8037 A.4 Ed25519 ---- */

    @Test
    void rfc8037A4_ed25519SignatureVerifies() throws Exception {
        String token = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
                + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
        byte[] x = Base64.getUrlDecoder().decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        boolean xOdd = (x[31] & 0x80) != 0;
        x[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = x[31 - i];
        }
        java.security.PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.EdECPublicKeySpec(java.security.spec.NamedParameterSpec.ED25519,
                        new java.security.spec.EdECPoint(xOdd, new BigInteger(1, be))));
        JwtKey key = new JwtKey(null, JwsAlgorithm.EdDSA, pub);
        String input = token.substring(0, token.lastIndexOf('.'));
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        assertThat(JwsCrypto.verify(key, input.getBytes(StandardCharsets.US_ASCII), sig)).isTrue();
        sig[0] ^= 1;
        assertThat(JwsCrypto.verify(key, input.getBytes(StandardCharsets.US_ASCII), sig)).isFalse();
    }

    /* ---- 12. size and depth ---- */

    @Test
    void hugeAndDeeplyNestedTokens_areRejectedFast() throws Exception {
        assertThatThrownBy(() -> hs256(VALID_AT).verify("a".repeat(1 << 20))).hasMessageContaining("longer than");
        String deep = signHs256("{\"alg\":\"HS256\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", A1_PAYLOAD);
        assertThatThrownBy(() -> JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, A1_KEY))
                .clock(at(VALID_AT)).anyIssuer().anyAudience().build().verify(deep)).isInstanceOf(JwtException.class);
    }
}
