package dev.supervisor.auth.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {
    private final CorsPolicy policy = CorsPolicy.builder().allowOrigin("https://app.example.com")
            .allowOrigin("https://*.tenants.example.com").allowOrigin("http://localhost:3000")
            .allowMethods("GET", "POST", "DELETE").allowHeaders("Content-Type", "Authorization")
            .allowCredentials(true).maxAge(Duration.ofMinutes(5)).build();

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com", "https://APP.example.com:443", "https://a.tenants.example.com",
        "https://x.y.tenants.example.com", "http://localhost:3000"})
    void actual_allowedOrigins_areEchoedWithCredentials(String origin) {
        CorsDecision d = policy.actual(origin);
        assertThat(d.allowed()).isTrue();
        assertThat(d.headers()).containsEntry("Access-Control-Allow-Origin", Origin.parse(origin).toString())
                .containsEntry("Access-Control-Allow-Credentials", "true").containsEntry("Vary", "Origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example.com", "https://app.example.com:8443", "https://evilapp.example.com",
        "https://tenants.example.com", "https://eviltenants.example.com", "https://tenants.example.com.evil.io",
        "http://localhost:3001", "null", "https://app.example.com/path", "javascript://app.example.com",
        "https://user@app.example.com"})
    void actual_otherOrigins_getNoAllowHeaders(String origin) {
        CorsDecision d = policy.actual(origin);
        assertThat(d.allowed()).isFalse();
        assertThat(d.headers()).doesNotContainKey("Access-Control-Allow-Origin").containsEntry("Vary", "Origin");
    }

    @Test
    void preflight_allowedMethodAndHeaders_areAnswered() {
        CorsDecision d = policy.preflight("https://app.example.com", "delete", "content-type, Authorization");
        assertThat(d.allowed()).isTrue();
        assertThat(d.headers()).containsEntry("Access-Control-Allow-Methods", "DELETE")
                .containsEntry("Access-Control-Allow-Headers", "content-type, authorization")
                .containsEntry("Access-Control-Max-Age", "300");
    }

    @Test
    void preflight_unlistedMethodOrHeader_isRefused() {
        assertThat(policy.preflight("https://app.example.com", "PUT", null).allowed()).isFalse();
        assertThat(policy.preflight("https://app.example.com", "GET", "X-Secret").allowed()).isFalse();
    }

    @Test
    void build_anyOriginWithCredentials_isAConfigurationError() {
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin("*").allowCredentials(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'*'");
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin("https://*.com")).hasMessageContaining("too broad");
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin("https://a*.example.com"))
                .hasMessageContaining("only as");
    }

    @Test
    void anyOrigin_withoutCredentials_answersStar() {
        CorsPolicy open = CorsPolicy.builder().allowOrigin("*").build();
        assertThat(open.actual("https://whoever.example").headers()).containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void securityHeaders_defaultsAreStrict_andUnsafeEvalIsRefused() {
        assertThat(SecurityHeaders.defaults()).containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .containsKeys("Content-Security-Policy", "Referrer-Policy", "X-Frame-Options");
        assertThat(SecurityHeaders.defaults().get("Content-Security-Policy")).contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThatThrownBy(() -> SecurityHeaders.of("default-src 'self' 'unsafe-eval'; frame-ancestors 'none'",
                Duration.ofDays(1))).hasMessageContaining("unsafe-eval");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://*.co.uk", "https://*.com.au", "https://*.github.io",
        "https://*.herokuapp.com", "https://*.gov.br", "https://*.com", "https://*.s3.amazonaws.com",
        "https://*.10.0.0.1"})
    void allowOrigin_wildcardOverAPublicSuffix_isRefused(String origin) {
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin(origin)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allowOrigin_wildcardUnderARegistrableDomain_isAllowed_andHostSuffixesAreHonoured() {
        assertThat(CorsPolicy.builder().allowOrigin("https://*.example.co.uk").build()
                .actual("https://app.example.co.uk").allowed()).isTrue();
        assertThatThrownBy(() -> CorsPolicy.builder().allowOrigin("https://*.apps.cloud.example")
                .publicSuffixes("apps.cloud.example").build()).isInstanceOf(IllegalStateException.class);
    }
}
