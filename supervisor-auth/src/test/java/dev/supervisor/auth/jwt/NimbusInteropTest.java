package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Tokens we sign verify in Nimbus JOSE+JWT, and tokens Nimbus signs verify here. */
class NimbusInteropTest {
    private static final long NOW = 1_800_000_000L;
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private final Map<String, Object> claims = Map.of("iss", "https://issuer.example", "sub", "alice", "aud", "api",
            "exp", NOW + 300, "iat", NOW);

    @Test
    void hs256_bothDirections() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String ours = JwtSigner.of(null, JwsAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256")).sign("JWT",
                claims);
        assertThat(SignedJWT.parse(ours).verify(new MACVerifier(secret))).isTrue();

        SignedJWT theirs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .issuer("https://issuer.example").audience("api").expirationTime(new Date((NOW + 300) * 1000)).build());
        theirs.sign(new MACSigner(secret));
        JwtVerifier v = JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, secret)).clock(clock)
                .issuer("https://issuer.example").audience("api").build();
        assertThat(v.verify(theirs.serialize()).claims().get("aud").asText()).isEqualTo("api");
    }

    @Test
    void es256_bothDirections() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        String ours = JwtSigner.of("k1", JwsAlgorithm.ES256, kp.getPrivate()).sign("JWT", claims);
        assertThat(SignedJWT.parse(ours).verify(new ECDSAVerifier((ECPublicKey) kp.getPublic()))).isTrue();

        SignedJWT theirs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(),
                new JWTClaimsSet.Builder().subject("bob").expirationTime(new Date((NOW + 60) * 1000)).build());
        theirs.sign(new ECDSASigner((ECPrivateKey) kp.getPrivate()));
        JwtVerifier v = JwtVerifier.builder().key(new JwtKey("k1", JwsAlgorithm.ES256, kp.getPublic())).clock(clock)
                .anyIssuer().anyAudience().build();
        assertThat(v.verify(theirs.serialize()).claims().get("sub").asText()).isEqualTo("bob");
    }

    @Test
    void rs256AndPs256_ourTokensVerifyInNimbus() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        for (JwsAlgorithm alg : new JwsAlgorithm[] {JwsAlgorithm.RS256, JwsAlgorithm.PS256}) {
            String ours = JwtSigner.of(null, alg, kp.getPrivate()).sign("JWT", claims);
            assertThat(SignedJWT.parse(ours).verify(new RSASSAVerifier((RSAPublicKey) kp.getPublic()))).as(alg.name())
                    .isTrue();
            JwtVerifier v = JwtVerifier.builder().key(new JwtKey(null, alg, kp.getPublic())).clock(clock).issuer("https://issuer.example").audience("api").build();
            assertThat(v.verify(ours)).isNotNull();
        }
    }
}
