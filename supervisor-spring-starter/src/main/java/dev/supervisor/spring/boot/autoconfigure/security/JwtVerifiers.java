package dev.supervisor.spring.boot.autoconfigure.security;

import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.invalid;
import static dev.supervisor.spring.boot.autoconfigure.PropertyChecks.set;

import dev.supervisor.auth.jwt.JwksKeySource;
import dev.supervisor.auth.jwt.JwsAlgorithm;
import dev.supervisor.auth.jwt.JwtKey;
import dev.supervisor.auth.jwt.JwtVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** A {@link JwtVerifier} from {@code supervisor.security.jwt.*}: an HMAC secret, or the issuer's key set. */
final class JwtVerifiers {
    private static final String AT = "supervisor.security.jwt.";

    private JwtVerifiers() {
    }

    static JwtVerifier create(SupervisorSecurityProperties.Jwt p) {
        JwtVerifier.Builder b = JwtVerifier.builder();
        if (p.getHmacSecret() != null && p.getJwkSetUri() != null) {
            throw invalid(AT + "jwk-set-uri", p.getJwkSetUri(), "set either hmac-secret or jwk-set-uri, not both");
        }
        if (p.getHmacSecret() != null) {
            JwsAlgorithm alg;
            try {
                alg = JwsAlgorithm.valueOf(p.getAlgorithm());
            } catch (IllegalArgumentException e) {
                throw invalid(AT + "algorithm", p.getAlgorithm(), "must be HS256, HS384 or HS512");
            }
            set(AT + "hmac-secret", "******", s -> b.key(JwtKey.hmac(p.getKeyId(), alg,
                    p.getHmacSecret().getBytes(StandardCharsets.UTF_8))));
        } else if (p.getJwkSetUri() != null) {
            URI uri = URI.create(p.getJwkSetUri());
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            set(AT + "jwk-set-uri", uri, u -> b.keySource(JwksKeySource.of(() -> fetch(http, u), Clock.systemUTC(),
                    Duration.ofMinutes(1))));
        } else {
            throw invalid(AT + "hmac-secret", null, "bearer tokens need a key: set hmac-secret or jwk-set-uri");
        }
        set(AT + "issuer", p.getIssuer(), b::issuer);
        if (p.getAudience() == null) {
            throw invalid(AT + "audience", null, "tokens must name the audience they are for");
        }
        set(AT + "audience", p.getAudience(), b::audience);
        set(AT + "max-lifetime", p.getMaxLifetime(), b::maxLifetime);
        set(AT + "leeway", p.getLeeway(), b::leeway);
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(AT + "issuer", p.getIssuer(), e.getMessage());
        }
    }

    private static String fetch(HttpClient http, URI uri) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new UncheckedIOException(new IOException("key set " + uri + " answered " + r.statusCode()));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + uri, e);
        }
    }
}
