package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** RS384/RS512/PS384/PS512/ES512 against the RFC 7520 cookbook vectors and Nimbus; HMAC algorithms stay apart. */
class JoseAlgorithmsTest {
    /** RFC 7520 §4 payload, base64url. */
    static final String PAYLOAD = "SXTigJlzIGEgZGFuZ2Vyb3VzIGJ1c2luZXNzLCBGcm9kbywgZ29pbmcgb3V0IHlvdXIgZG9vci4gWW91IHN0Z"
            + "XAgb250byB0aGUgcm9hZCwgYW5kIGlmIHlvdSBkb24ndCBrZWVwIHlvdXIgZmVldCwgdGhlcmXigJlzIG5vIGtub3dpbmcgd2hlcmUgeW9"
            + "1IG1pZ2h0IGJlIHN3ZXB0IG9mZiB0by4";
    /** RFC 7520 §3.4 RSA key (public and private parts). */
    static final String N = "n4EPtAOCc9AlkeQHPzHStgAbgs7bTZLwUBZdR8_KuKPEHLd4rHVTeT-O-XV2jRojdNhxJWTDvNd7nqQ0VEiZQHz_AJmSC"
            + "pMaJMRBSFKrKb2wqVwGU_NsYOYL-QtiWN2lbzcEe6XC0dApr5ydQLrHqkHHig3RBordaZ6Aj-oBHqFEHYpPe7Tpe-OfVfHd1E6cS6M1F"
            + "ZcD1NNLYD5lFHpPI9bTwJlsde3uhGqC0ZCuEHg8lhzwOHrtIQbS0FVbb9k3-tVTU4fg_3L_vniUFAKwuCLqKnS2BYwdq_mzSnbLY7h_q"
            + "ixoR7jig3__kRhuaxwUkRz5iaiQkqgc5gHdrNP5zw";
    static final String D = "bWUC9B-EFRIo8kpGfh0ZuyGPvMNKvYWNtB_ikiH9k20eT-O1q_I78eiZkpXxXQ0UTEs2LsNRS-8uJbvQ-A1irkwMSMkK1"
            + "J3XTGgdrhCku9gRldY7sNA_AKZGh-Q661_42rINLRCe8W-nZ34ui_qOfkLnK9QWDDqpaIsA-bMwWWSDFu2MUBYwkHTMEzLYGqOe04noqe"
            + "q1hExBTHBOBdkMXiuFhUq1BU6l-DqEiWxqg82sXt2h-LMnT3046AOYJoRioz75tSUQfGCshWTBnP5uDjd18kKhyv07lhfSJdrPdM5Plyl2"
            + "1hsFf4L_mHCuoFau7gdsPfHPxxjVOcOpBrQzwQ";
    static final String P = "3Slxg_DwTXJcb6095RoXygQCAZ5RnAvZlno1yhHtnUex_fp7AZ_9nRaO7HX_-SFfGQeutao2TDjDAWU4Vupk8rw9JR0Az"
            + "Z0N2fvuIAmr_WCsmGpeNqQnev1T7IyEsnh8UMt-n5CafhkikzhEsrmndH6LxOrvRJlsPp6Zv8bUq0k";
    static final String Q = "uKE2dh-cTf6ERF4k4e_jy78GfPYUIaUyoSSJuBzp3Cubk3OCqs6grT8bR_cu0Dm1MZwWmtdqDyI95HrUeq3MP15vMMON8"
            + "lHTeZu2lmKvwqW7anV5UzhM1iZ7z4yMkuUwFWoBvyY898EXvRD-hdqRxHlSqAZ192zB3pVFJ0s7pFc";
    static final String DP = "B8PVvXkvJrj2L-GYQ7v3y9r6Kw5g9SahXBwsWUzp19TVlgI-YV85q1NIb1rxQtD-IsXXR3-TanevuRPRt5OBOdiMGQp8"
            + "pbt26gljYfKU_E9xn-RULHz0-ed9E9gXLKD4VGngpz-PfQ_q29pk5xWHoJp009Qf1HvChixRX59ehik";
    static final String DQ = "CLDmDGduhylc9o7r84rEUVn7pzQ6PF83Y-iBZx5NT-TpnOZKF1pErAMVeKzFEl41DlHHqqBLSM0W1sOFbwTxYWZDm6sI"
            + "6og5iTbwQGIC3gnJKbi_7k_vJgGHwHxgPaX2PnvP-zyEkDERuf-ry4c_Z11Cq9AqC2yeL6kdKT1cYF8";
    static final String QI = "3PiqvXQN0zwMeE-sBvZgi289XP9XCQF3VWqPzMKnIgQp7_Tugo6-NZBKCQsMf3HaEGBjTVJs_jcK8-TRXvaKe-7ZMaQj"
            + "8VfBdYkssbu0NKDDhjJ-GtiseaDVWt7dcH0cfwxgFUHpQh7FoCrjFJ6h6ZEpMF6xmujs4qMpPz8aaI4";
    /** RFC 7520 §4.1 (RS256, deterministic). */
    static final String RS256_SIG = "MRjdkly7_-oTPTS3AXP41iQIGKa80A0ZmTuV5MEaHoxnW2e5CZ5NlKtainoFmKZopdHM1O2U4mwzJdQx99"
            + "6ivp83xuglII7PNDi84wnB-BDkoBwA78185hX-Es4JIwmDLJK3lfWRa-XtL0RnltuYv746iYTh_qHRD68BNt1uSNCrUCTJDt5aAE6x8wW"
            + "1Kt9eRo4QPocSadnHXFxnt8Is9UzpERV0ePPQdLuW3IS_de3xyIrDaLGdjluPxUAhb6L2aXic1U12podGU0KLUQSE_oI-ZnmKJ3F4uOZDn"
            + "d6QZWJushZ41Axf_fcIe8u9ipH84ogoree7vjbU5y18kDquDg";
    static final String RS256_HEADER = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9";
    /** RFC 7520 §4.2 (PS384). */
    static final String PS384_HEADER = "eyJhbGciOiJQUzM4NCIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9";
    static final String PS384_SIG = "cu22eBqkYDKgIlTpzDXGvaFfz6WGoz7fUDcfT0kkOy42miAh2qyBzk1xEsnk2IpN6-tPid6VrklHkqsGqD"
            + "qHCdP6O8TTB5dDDItllVo6_1OLPpcbUrhiUSMxbbXUvdvWXzg-UD8biiReQFlfz28zGWVsdiNAUf8ZnyPEgVFn442ZdNqiVJRmBqrYRXe8"
            + "P_ijQ7p8Vdz0TTrxUeT3lm8d9shnr2lfJT8ImUjvAA2Xez2Mlp8cBE5awDzT0qI0n6uiP1aCN_2_jLAeQTlqRHtfa64QQSUmFAAjVKPbBy"
            + "i7xho0uTOcbH510a6GYmJUAfmWjwZ6oD4ifKo8DYM-X72Eaw";
    /** RFC 7520 §3.1 P-521 key and §4.3 (ES512). */
    static final String EC_X = "AHKZLLOsCOzz5cY97ewNUajB957y-C-U88c3v13nmGZx6sYl_oJXu9A5RkTKqjqvjyekWF-7ytDyRXYgCF5cj0Kt";
    static final String EC_Y = "AdymlHvOiLxXkEhayXQnNCvDX4h9htZaCJN34kfmC6pV5OhQHiraVySsUdaQkAgDPrwQrJmbnX9cwlGfP-HqHZR1";
    static final String ES512_HEADER = "eyJhbGciOiJFUzUxMiIsImtpZCI6ImJpbGJvLmJhZ2dpbnNAaG9iYml0b24uZXhhbXBsZSJ9";
    static final String ES512_SIG = "AE_R_YZCChjn4791jSQCrdPZCNYqHXCTZH0-JZGYNlaAjP2kqaluUIIUnC9qvbu9Plon7KRTzoNEuT4Va2"
            + "cmL1eJAQy3mtPBu_u_sDDyYjnAMDxXPn7XrT0lw-kvAD890jl8e2puQens_IEKBpHABlsbEPX6sFY8OcGDqoRuBomu9xQ2";

    private static BigInteger big(String b64) {
        return new BigInteger(1, Base64.getUrlDecoder().decode(b64));
    }

    static RSAPublicKey rsaPublic() throws Exception {
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(big(N),
                BigInteger.valueOf(65537)));
    }

    static PrivateKey rsaPrivate() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(big(N), BigInteger.valueOf(65537),
                big(D), big(P), big(Q), big(DP), big(DQ), big(QI)));
    }

    private static boolean verifies(JwtKey key, String header, String sig) {
        return JwsCrypto.verify(key, (header + "." + PAYLOAD).getBytes(StandardCharsets.US_ASCII),
                Base64.getUrlDecoder().decode(sig));
    }

    @Test
    void rfc7520_rs256Ps384Es512Vectors_verify_andTamperedOnesDoNot() throws Exception {
        assertThat(verifies(new JwtKey(null, JwsAlgorithm.RS256, rsaPublic()), RS256_HEADER, RS256_SIG)).isTrue();
        assertThat(verifies(new JwtKey(null, JwsAlgorithm.PS384, rsaPublic()), PS384_HEADER, PS384_SIG)).isTrue();
        assertThat(verifies(new JwtKey(null, JwsAlgorithm.PS512, rsaPublic()), PS384_HEADER, PS384_SIG))
                .as("a PS384 signature is not a PS512 one").isFalse();
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"bilbo.baggins@hobbiton.example\",\"use\":\"sig\","
                + "\"crv\":\"P-521\",\"x\":\"" + EC_X + "\",\"y\":\"" + EC_Y + "\"}]}";
        JwtKey es512 = Jwks.parse(jwks).get(0);
        assertThat(es512.algorithm()).isEqualTo(JwsAlgorithm.ES512);
        assertThat(verifies(es512, ES512_HEADER, ES512_SIG)).isTrue();
        String tampered = ES512_SIG.substring(0, 10) + (ES512_SIG.charAt(10) == 'A' ? 'B' : 'A') + ES512_SIG.substring(11);
        assertThat(verifies(es512, ES512_HEADER, tampered)).isFalse();
    }

    @Test
    void rfc7520Key_deterministicRs256SignatureIsReproduced_andRs384Rs512RoundTripThroughNimbus() throws Exception {
        byte[] input = (RS256_HEADER + "." + PAYLOAD).getBytes(StandardCharsets.US_ASCII);
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(JwsCrypto.sign(JwsAlgorithm.RS256,
                rsaPrivate(), input))).isEqualTo(RS256_SIG);
        Map<String, Object> claims = Map.of("iss", "i", "aud", "a", "exp", 1_800_000_300L, "iat", 1_800_000_000L);
        JwtVerifier.Builder vb = JwtVerifier.builder().clock(Clock.fixed(Instant.ofEpochSecond(1_800_000_000L),
                ZoneOffset.UTC)).issuer("i").audience("a");
        for (JwsAlgorithm alg : List.of(JwsAlgorithm.RS384, JwsAlgorithm.RS512, JwsAlgorithm.PS384,
                JwsAlgorithm.PS512)) {
            String ours = JwtSigner.of(null, alg, rsaPrivate()).sign("JWT", claims);
            assertThat(JWSObject.parse(ours).verify(new RSASSAVerifier(rsaPublic()))).as(alg.name()).isTrue();
            JWSObject theirs = new JWSObject(new JWSHeader(JWSAlgorithm.parse(alg.name())),
                    new Payload(new com.nimbusds.jose.shaded.gson.Gson().toJson(claims)));
            theirs.sign(new RSASSASigner(rsaPrivate()));
            JwtVerifier v = JwtVerifier.builder().key(new JwtKey(null, alg, rsaPublic()))
                    .clock(Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC)).issuer("i")
                    .audience("a").build();
            assertThat(v.verify(theirs.serialize()).claims().get("iss").asText()).isEqualTo("i");
            assertThat(v.verify(ours)).isNotNull();
        }
        assertThat(vb).isNotNull();
    }

    @Test
    void es512_ourTokensVerifyInNimbus_andPsychicSignaturesAreRefused() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp521r1"));
        KeyPair kp = g.generateKeyPair();
        String ours = JwtSigner.of(null, JwsAlgorithm.ES512, kp.getPrivate()).sign("JWT", Map.of("exp", 1L));
        assertThat(JWSObject.parse(ours).verify(new ECDSAVerifier((ECPublicKey) kp.getPublic()))).isTrue();
        JwtKey key = new JwtKey(null, JwsAlgorithm.ES512, kp.getPublic());
        byte[] input = ours.substring(0, ours.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        assertThat(JwsCrypto.verify(key, input, new byte[132])).isFalse();
        assertThat(JwsCrypto.verify(key, input, new byte[130])).isFalse();
    }

    @Test
    void oneSecretBehindHs256AndHs512_hs256MacCannotPassTheHs512Key() throws Exception {
        byte[] secret = new byte[64];
        new java.security.SecureRandom().nextBytes(secret);
        SecretKeySpec shared = new SecretKeySpec(secret, "HmacSHA256");
        JwtKey hs256 = new JwtKey("a", JwsAlgorithm.HS256, shared);
        JwtKey hs512 = new JwtKey("b", JwsAlgorithm.HS512, shared);
        JwtVerifier v = JwtVerifier.builder().key(hs256).key(hs512).clock(Clock.fixed(Instant.ofEpochSecond(0),
                ZoneOffset.UTC)).anyIssuer().anyAudience().build();
        Map<String, Object> claims = Map.of("exp", 100L);
        String t256 = JwtSigner.of("a", JwsAlgorithm.HS256, shared).sign("JWT", claims);
        String t512 = JwtSigner.of("b", JwsAlgorithm.HS512, new SecretKeySpec(secret, "HmacSHA512")).sign("JWT",
                claims);
        assertThat(v.verify(t256)).isNotNull();
        assertThat(v.verify(t512)).as("HS512 works after HS256 on the same thread").isNotNull();
        // Header says HS512 and kid b, signature is the HS256 MAC of that input: must fail.
        String input = t512.substring(0, t512.lastIndexOf('.'));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(shared);
        String downgraded = input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        v.verify(t256);
        assertThatThrownBy(() -> v.verify(downgraded)).hasMessage("signature does not verify");
    }
}
