package dev.supervisor.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceAndProvidersTest {

    @Test
    void challenge_rfc7636AppendixB() {
        assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void verifier_isLongEnoughAndUnreserved_andBadVerifiersAreRefused() {
        String v = Pkce.newVerifier(new SecureRandom());
        assertThat(v).hasSize(64).matches("[A-Za-z0-9_-]+");
        assertThatThrownBy(() -> Pkce.challenge("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pkce.challenge("a".repeat(42) + "+")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void google_acceptsBothIssuerForms() {
        OidcProvider g = OidcProvider.google();
        assertThat(g.acceptsIssuer("https://accounts.google.com", null)).isTrue();
        assertThat(g.acceptsIssuer("accounts.google.com", null)).isTrue();
        assertThat(g.acceptsIssuer("https://accounts.google.com.evil", null)).isFalse();
        assertThat(g.jwksUri()).hasHost("www.googleapis.com");
    }

    @Test
    void github_isPlainOAuth() {
        assertThat(OidcProvider.github().issuesIdTokens()).isFalse();
        assertThat(OidcProvider.github().tokenEndpoint()).hasPath("/login/oauth/access_token");
    }

    @Test
    void microsoft_multiTenantIssuerIsCheckedAgainstTid() {
        OidcProvider common = OidcProvider.microsoft("common");
        String tid = "9188040d-6c67-4c5b-b112-36a304b66dad";
        assertThat(common.acceptsIssuer("https://login.microsoftonline.com/" + tid + "/v2.0", tid)).isTrue();
        assertThat(common.acceptsIssuer("https://login.microsoftonline.com/" + tid + "/v2.0",
                "00000000-0000-0000-0000-000000000000")).isFalse();
        assertThat(common.acceptsIssuer("https://login.microsoftonline.com/{tenantid}/v2.0", null)).isFalse();
        OidcProvider fixed = OidcProvider.microsoft(tid);
        assertThat(fixed.acceptsIssuer("https://login.microsoftonline.com/" + tid + "/v2.0", null)).isTrue();
        assertThat(fixed.authorizationEndpoint().toString()).contains(tid + "/oauth2/v2.0/authorize");
        assertThatThrownBy(() -> OidcProvider.microsoft("../evil")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpoints_mustBeHttpsExceptOnLoopback() {
        assertThatThrownBy(() -> OidcProvider.of("x", URI.create("http://idp.example/auth"),
                URI.create("https://idp.example/token"), null, null)).hasMessageContaining("https");
        assertThat(OidcProvider.of("x", URI.create("http://127.0.0.1:8080/auth"),
                URI.create("http://localhost:8080/token"), null, null).issuesIdTokens()).isFalse();
    }

    @Test
    void builder_requiresClientIdAndRedirect() {
        assertThatThrownBy(() -> OidcClient.builder(OidcProvider.google()).build())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> OidcClient.builder(OidcProvider.google()).clientId(" "))
                .isInstanceOf(IllegalArgumentException.class);
        AuthorizationRequest r = OidcClient.builder(OidcProvider.google()).clientId("cid")
                .redirectUri(URI.create("https://app.example/cb")).build().authorize();
        assertThat(r.url().getQuery()).contains("code_challenge_method=S256").contains("nonce=")
                .contains("state=" + r.state()).doesNotContain(r.codeVerifier());
        assertThat(r.toString()).doesNotContain(r.codeVerifier());
    }
}
