package dev.supervisor.benchmarks.jwt;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtKey;
import dev.supervisor.auth.jwt.JwtSigner;
import dev.supervisor.auth.jwt.JwtVerifier;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse + verify of one HS256 and one RS256 token: ours (with claim checks) against Nimbus JOSE+JWT 10.10
 * (signature only — Nimbus checks no claims unless asked, so it does less work).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar JwtVerifyBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JwtVerifyBenchmark {
    private String hsToken;
    private String rsToken;
    private JwtVerifier oursHs;
    private JwtVerifier oursRs;
    private JWSVerifier nimbusHs;
    private JWSVerifier nimbusRs;

    @Setup
    public void setUp() throws Exception {
        long now = 1_800_000_000L;
        Map<String, Object> claims = Map.of("iss", "https://issuer.example", "sub", "alice", "aud", "api",
                "exp", now + 300, "iat", now);
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        hsToken = JwtSigner.of(null, JwsAlgorithm.HS256, new SecretKeySpec(secret, "HmacSHA256")).sign("JWT", claims);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        rsToken = JwtSigner.of(null, JwsAlgorithm.RS256, kp.getPrivate()).sign("JWT", claims);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
        oursHs = JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, secret)).clock(clock)
                .issuer("https://issuer.example").audience("api").build();
        oursRs = JwtVerifier.builder().key(new JwtKey(null, JwsAlgorithm.RS256, kp.getPublic())).clock(clock)
                .issuer("https://issuer.example").audience("api").build();
        nimbusHs = new MACVerifier(secret);
        nimbusRs = new RSASSAVerifier((RSAPublicKey) kp.getPublic());
    }

    @Benchmark
    public Object oursHs256() {
        return oursHs.verify(hsToken);
    }

    @Benchmark
    public boolean nimbusHs256() throws Exception {
        return SignedJWT.parse(hsToken).verify(nimbusHs);
    }

    @Benchmark
    public Object oursRs256() {
        return oursRs.verify(rsToken);
    }

    @Benchmark
    public boolean nimbusRs256() throws Exception {
        return SignedJWT.parse(rsToken).verify(nimbusRs);
    }
}
