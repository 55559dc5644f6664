package dev.supervisor.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Required issuer and audience, bounded lifetimes, sound JWKS keys, a non-blocking refetch. */
class VerifierPolicyTest {
    private static final long NOW = 1_800_000_000L;
    private static final byte[] SECRET = new byte[32];
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    private static String token(Map<String, ?> claims) {
        return JwtSigner.of(null, JwsAlgorithm.HS256, new SecretKeySpec(SECRET, "HmacSHA256")).sign("JWT", claims);
    }

    @Test
    void build_withoutIssuerOrAudience_isRefusedUnlessWaived() {
        JwtKey k = JwtKey.hmac(null, JwsAlgorithm.HS256, SECRET);
        assertThatThrownBy(() -> JwtVerifier.builder().key(k).build()).hasMessageContaining("issuer");
        assertThatThrownBy(() -> JwtVerifier.builder().key(k).issuer("i").build()).hasMessageContaining("audience");
        assertThatThrownBy(() -> JwtVerifier.builder().key(k).issuer("i").anyIssuer().audience("a").build())
                .hasMessageContaining("not both");
        assertThat(JwtVerifier.builder().key(k).anyIssuer().anyAudience().build()).isNotNull();
    }

    @Test
    void verify_absurdExpOrOverlongLifetime_isRefused_evenWithoutIat() {
        JwtVerifier v = JwtVerifier.builder().key(JwtKey.hmac(null, JwsAlgorithm.HS256, SECRET)).clock(clock)
                .issuer("i").audience("a").build();
        for (long exp : new long[] {NOW + 86_400 * 2, 99_999_999_999L, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> v.verify(token(Map.of("iss", "i", "aud", "a", "exp", exp))))
                    .hasMessageContaining("lifetime");
        }
        assertThatThrownBy(() -> v.verify(token(Map.of("iss", "i", "aud", "a", "exp", NOW + 60, "iat", NOW - 90_000))))
                .hasMessageContaining("lifetime");
        assertThat(v.verify(token(Map.of("iss", "i", "aud", "a", "exp", NOW + 3600)))).isNotNull();
        assertThatThrownBy(() -> JwtVerifier.builder().maxLifetime(Duration.ofDays(400))).hasMessageContaining(
                "maxLifetime");
    }

    /** A 2048-bit modulus with the ROCA structure, built from primes k·M + 65537^a mod M. */
    static BigInteger rocaModulus() {
        BigInteger m = BigInteger.ONE;
        for (int p : new int[] {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
            89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167}) {
            m = m.multiply(BigInteger.valueOf(p));
        }
        SecureRandom r = new SecureRandom();
        // Primes in [1.415 * 2^1023, 2^1024), so their product has exactly 2048 bits.
        BigInteger lo = BigInteger.ONE.shiftLeft(1023).multiply(BigInteger.valueOf(1415)).divide(BigInteger.valueOf(1000));
        BigInteger kLo = lo.divide(m).add(BigInteger.ONE);
        BigInteger span = BigInteger.ONE.shiftLeft(1024).divide(m).subtract(kLo).subtract(BigInteger.ONE);
        BigInteger[] primes = new BigInteger[2];
        for (int i = 0; i < 2; i++) {
            BigInteger p;
            do {
                BigInteger k = kLo.add(new BigInteger(span.bitLength() + 8, r).mod(span));
                p = k.multiply(m).add(BigInteger.valueOf(65537).modPow(BigInteger.valueOf(r.nextInt(1 << 20)), m));
            } while (!p.isProbablePrime(40));
            primes[i] = p;
        }
        return primes[0].multiply(primes[1]);
    }

    @Test
    void jwtKey_rocaModulusAndBadExponents_areRefused() throws Exception {
        KeyFactory f = KeyFactory.getInstance("RSA");
        RSAPublicKey roca = (RSAPublicKey) f.generatePublic(new RSAPublicKeySpec(rocaModulus(),
                BigInteger.valueOf(65537)));
        assertThatThrownBy(() -> new JwtKey(null, JwsAlgorithm.RS256, roca)).hasMessageContaining("ROCA");
        BigInteger n = JoseAlgorithmsTest.rsaPublic().getModulus();
        for (long e : new long[] {1, 2, 65536}) {
            RSAPublicKey weak = rawRsa(n, BigInteger.valueOf(e)); // the JDK's factory refuses e < 3 itself
            assertThatThrownBy(() -> new JwtKey(null, JwsAlgorithm.RS256, weak)).as("e=%d", e)
                    .hasMessageContaining("exponent");
        }
        assertThat(new JwtKey(null, JwsAlgorithm.RS256, JoseAlgorithmsTest.rsaPublic())).isNotNull();
    }

    /** An RSA key object no factory checked, as a custom provider or a deserialised key could hand over. */
    private static RSAPublicKey rawRsa(BigInteger n, BigInteger e) {
        return new RSAPublicKey() {
            @Override
            public BigInteger getPublicExponent() {
                return e;
            }

            @Override
            public BigInteger getModulus() {
                return n;
            }

            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
    }

    private static String b64(BigInteger v, int len) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[len];
        int n = Math.min(len, raw.length);
        System.arraycopy(raw, raw.length - n, out, len - n, n);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    @Test
    void jwks_unusableKeysSkipped_duplicateKidsWeakKeysAndOffCurvePointsRefused() throws Exception {
        String rsa = "\"kty\":\"RSA\",\"n\":\"" + JoseAlgorithmsTest.N + "\",\"e\":\"AQAB\"";
        assertThat(Jwks.parse("{\"keys\":[{\"kid\":\"enc\",\"use\":\"enc\"," + rsa + "},{\"kid\":\"ops\",\"key_ops\":"
                + "[\"encrypt\"]," + rsa + "},{\"kid\":\"oaep\",\"alg\":\"RSA-OAEP\"," + rsa + "},{\"kid\":\"ok\","
                + "\"use\":\"sig\",\"key_ops\":[\"verify\"]," + rsa + "}]}")).extracting(JwtKey::kid)
                .containsExactly("ok");
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kid\":\"a\"," + rsa + "},{\"kid\":\"a\"," + rsa + "}]}"))
                .hasMessageContaining("repeats kid");
        String rocaN = b64(rocaModulus(), 256);
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kid\":\"r\",\"kty\":\"RSA\",\"n\":\"" + rocaN
                + "\",\"e\":\"AQAB\"}]}")).hasMessageContaining("ROCA");
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[{\"kid\":\"e1\",\"kty\":\"RSA\",\"n\":\"" + JoseAlgorithmsTest.N
                + "\",\"e\":\"AQ\"}]}")).hasMessageContaining("exponent");
        BigInteger y = new BigInteger(1, java.util.Base64.getUrlDecoder().decode(JoseAlgorithmsTest.EC_Y));
        String offCurve = "{\"keys\":[{\"kid\":\"c\",\"kty\":\"EC\",\"crv\":\"P-521\",\"x\":\"" + JoseAlgorithmsTest.EC_X
                + "\",\"y\":\"" + b64(y.add(BigInteger.ONE), 66) + "\"}]}";
        assertThatThrownBy(() -> Jwks.parse(offCurve)).isInstanceOf(JwtException.class);
        StringBuilder many = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"kid\":\"k").append(i).append("\",").append(rsa).append('}');
        }
        assertThatThrownBy(() -> Jwks.parse(many + "]}")).hasMessageContaining("more than 100");
        assertThatThrownBy(() -> Jwks.parse("{\"keys\":[]} {\"keys\":[]}")).hasMessageContaining("after");
    }

    @Test
    void keySource_slowRefetch_doesNotStallOtherVerifications() throws Exception {
        String published = "{\"keys\":[{\"kid\":\"k1\",\"kty\":\"RSA\",\"n\":\"" + JoseAlgorithmsTest.N
                + "\",\"e\":\"AQAB\"}]}";
        CountDownLatch fetchStarted = new CountDownLatch(1);
        CountDownLatch releaseFetch = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        JwksKeySource source = JwksKeySource.of(() -> {
            if (fetches.incrementAndGet() > 1) {
                fetchStarted.countDown();
                try {
                    releaseFetch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return published;
        }, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), Duration.ZERO);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slow = pool.submit(() -> source.find("unknown-kid"));
            assertThat(fetchStarted.await(30, TimeUnit.SECONDS)).isTrue();
            // While that fetch hangs: known keys resolve, other unknown kids are refused at once, no second fetch.
            assertThat(source.find("k1")).isPresent();
            assertThat(source.find("another-unknown")).isEmpty();
            assertThat(fetches.get()).isEqualTo(2);
            releaseFetch.countDown();
            slow.get(30, TimeUnit.SECONDS);
        } finally {
            releaseFetch.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void keySource_failedRefetch_keepsTheCurrentKeys() {
        String published = "{\"keys\":[{\"kid\":\"k1\",\"kty\":\"RSA\",\"n\":\"" + JoseAlgorithmsTest.N
                + "\",\"e\":\"AQAB\"}]}";
        AtomicInteger calls = new AtomicInteger();
        JwksKeySource source = JwksKeySource.of(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("provider down");
            }
            return published;
        }, clock, Duration.ZERO);
        assertThat(source.find("nope")).isEmpty();
        assertThat(source.find("k1")).isPresent();
    }
}
