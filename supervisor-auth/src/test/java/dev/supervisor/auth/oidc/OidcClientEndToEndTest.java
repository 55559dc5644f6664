package dev.supervisor.auth.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole flow against a real OIDC server on loopback (no.nav.security mock-oauth2-server). */
class OidcClientEndToEndTest {
    /** Generous: the server is on loopback, and a busy CI machine must not turn slowness into a failure. */
    private static final Duration LOOPBACK_TIMEOUT = Duration.ofSeconds(120);
    private static final URI CALLBACK = URI.create("http://127.0.0.1:9/callback");
    private static MockOAuth2Server server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterAll
    static void stop() {
        server.shutdown();
    }

    private static OidcProvider discovered() {
        return OidcProvider.discover(URI.create(server.issuerUrl("default").toString()), HTTP, LOOPBACK_TIMEOUT);
    }

    private static OidcClient client(OidcProvider provider) {
        return OidcClient.builder(provider).clientId("supervisor").clientSecret("s3cret").redirectUri(CALLBACK)
                .httpClient(HTTP).timeout(LOOPBACK_TIMEOUT).build();
    }

    /** Follows the authorize URL like a browser would and returns the callback's query parameters. */
    private static Map<String, String> login(AuthorizationRequest r) throws Exception {
        HttpResponse<String> resp = HTTP.send(HttpRequest.newBuilder(r.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(302);
        URI location = URI.create(resp.headers().firstValue("Location").orElseThrow());
        Map<String, String> q = new HashMap<>();
        for (String kv : location.getRawQuery().split("&")) {
            int eq = kv.indexOf('=');
            q.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void exchange_validCallback_returnsValidatedTokens() throws Exception {
        OidcClient c = client(discovered());
        AuthorizationRequest r = c.authorize();
        OidcTokens t = c.exchange(login(r), r);
        assertThat(t.accessToken()).isNotBlank();
        assertThat(t.subject()).isNotBlank();
        assertThat(t.idClaims().get("nonce").asText()).isEqualTo(r.nonce());
        assertThat(t.idClaims().get("aud").toString()).contains("supervisor");
        assertThat(t.toString()).doesNotContain(t.accessToken());
    }

    @Test
    void exchange_callbackUrlVariants_areRefused_exactOneAccepted() throws Exception {
        OidcClient c = client(discovered());
        for (String variant : new String[] {"http://127.0.0.1:9/callback/", "http://127.0.0.1:9/callbackx",
                "http://127.0.0.1:9/CALLBACK", "http://127.0.0.1:99/callback", "https://127.0.0.1:9/callback",
                "http://127.0.0.1:9/prefix/callback"}) {
            AuthorizationRequest r = c.authorize();
            Map<String, String> cb = login(r);
            URI url = URI.create(variant + "?code=" + cb.get("code") + "&state=" + cb.get("state"));
            assertThatThrownBy(() -> c.exchange(url, r)).satisfies(e -> assertThat(((OidcException) e).reason())
                    .isEqualTo(OidcException.Reason.REDIRECT_MISMATCH));
        }
        AuthorizationRequest r = c.authorize();
        Map<String, String> cb = login(r);
        URI exact = URI.create(CALLBACK + "?code=" + java.net.URLEncoder.encode(cb.get("code"), StandardCharsets.UTF_8)
                + "&state=" + cb.get("state"));
        assertThat(c.exchange(exact, r).subject()).isNotBlank();
    }

    @Test
    void exchange_idTokenForAnotherAudience_isRefused() throws Exception {
        // The provider is asked (through a rewriting proxy) for a token of another client: validly signed, wrong aud.
        HttpServer proxy = proxy(form -> form.replace("client_id=supervisor", "client_id=another-client"), b -> b);
        try {
            OidcClient c = client(through(proxy));
            AuthorizationRequest r = c.authorize();
            assertThatThrownBy(() -> c.exchange(login(r), r)).satisfies(e -> assertThat(((OidcException) e).reason())
                    .isEqualTo(OidcException.Reason.ID_TOKEN_INVALID)).hasMessageContaining("audience");
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void exchange_replayedCallback_isRefused() throws Exception {
        OidcClient c = client(discovered());
        AuthorizationRequest r = c.authorize();
        Map<String, String> cb = login(r);
        c.exchange(cb, r);
        assertThatThrownBy(() -> c.exchange(cb, r)).isInstanceOf(OidcException.class)
                .satisfies(e -> assertThat(((OidcException) e).reason())
                        .isEqualTo(OidcException.Reason.REQUEST_REUSED_OR_EXPIRED));
    }

    @Test
    void exchange_stateMismatch_isRefusedBeforeAnyExchange() throws Exception {
        OidcClient c = client(discovered());
        AuthorizationRequest a = c.authorize();
        AuthorizationRequest b = c.authorize();
        Map<String, String> cb = login(a);
        assertThatThrownBy(() -> c.exchange(cb, b)).satisfies(e -> assertThat(((OidcException) e).reason())
                .isEqualTo(OidcException.Reason.STATE_MISMATCH));
    }

    @Test
    void exchange_idTokenFromAnotherRequest_failsOnNonce() throws Exception {
        OidcClient c = client(discovered());
        AuthorizationRequest a = c.authorize();
        AuthorizationRequest b = c.authorize();
        Map<String, String> cb = login(a);
        // An attacker injects A's code into B's session (same state, B's nonce and verifier are not A's).
        AuthorizationRequest forged = new AuthorizationRequest(b.url(), a.state(), b.nonce(), a.codeVerifier(),
                b.createdAt());
        assertThatThrownBy(() -> c.exchange(cb, forged)).satisfies(e -> assertThat(((OidcException) e).reason())
                .isEqualTo(OidcException.Reason.NONCE_MISMATCH));
    }

    @Test
    void exchange_wrongVerifier_isRefusedByTheProvider() throws Exception {
        OidcClient c = client(discovered());
        AuthorizationRequest a = c.authorize();
        Map<String, String> cb = login(a);
        AuthorizationRequest wrong = new AuthorizationRequest(a.url(), a.state(), a.nonce(),
                Pkce.newVerifier(new java.security.SecureRandom()), a.createdAt());
        assertThatThrownBy(() -> c.exchange(cb, wrong)).satisfies(e -> assertThat(((OidcException) e).reason())
                .isEqualTo(OidcException.Reason.TOKEN_ENDPOINT));
    }

    @Test
    void exchange_providerError_isReported() {
        OidcClient c = client(discovered());
        AuthorizationRequest r = c.authorize();
        assertThatThrownBy(() -> c.exchange(Map.of("state", r.state(), "error", "access_denied"), r))
                .satisfies(e -> assertThat(((OidcException) e).reason()).isEqualTo(OidcException.Reason.PROVIDER_ERROR))
                .hasMessageContaining("access_denied");
    }

    @Test
    void exchange_wrongIssuer_isRefused() throws Exception {
        OidcProvider real = discovered();
        OidcProvider impostor = OidcProvider.of("impostor", real.authorizationEndpoint(), real.tokenEndpoint(),
                real.jwksUri(), "https://idp.example/other");
        OidcClient c = client(impostor);
        AuthorizationRequest r = c.authorize();
        assertThatThrownBy(() -> c.exchange(login(r), r)).satisfies(e -> assertThat(((OidcException) e).reason())
                .isEqualTo(OidcException.Reason.ID_TOKEN_INVALID)).hasMessageContaining("issuer");
    }

    @Test
    void exchange_tamperedIdToken_isRefused() throws Exception {
        // Swap the ID token's payload for one claiming another subject, keeping the signature.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"admin\"}".getBytes(StandardCharsets.UTF_8));
        HttpServer proxy = proxy(f -> f, body -> body.replaceAll("(\"id_token\"\\s*:\\s*\"[^.]+\\.)[^.]+",
                "$1" + forged));
        try {
            OidcClient c = client(through(proxy));
            AuthorizationRequest r = c.authorize();
            assertThatThrownBy(() -> c.exchange(login(r), r)).satisfies(e -> assertThat(((OidcException) e).reason())
                    .isEqualTo(OidcException.Reason.ID_TOKEN_INVALID)).hasMessageContaining("signature");
        } finally {
            proxy.stop(0);
        }
    }

    private static OidcProvider through(HttpServer proxy) {
        OidcProvider real = discovered();
        URI token = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort() + "/token");
        return OidcProvider.of("proxied", real.authorizationEndpoint(), token, real.jwksUri(),
                server.issuerUrl("default").toString());
    }

    /** A token endpoint on loopback that forwards to the real one, rewriting the request form and the answer. */
    private static HttpServer proxy(java.util.function.UnaryOperator<String> request,
                                    java.util.function.UnaryOperator<String> response) throws IOException {
        URI upstream = discovered().tokenEndpoint();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        proxy.createContext("/token", ex -> {
            try {
                String form = request.apply(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                HttpResponse<String> up = HTTP.send(HttpRequest.newBuilder(upstream)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                byte[] out = response.apply(up.body()).getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(up.statusCode(), out.length);
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        proxy.start();
        return proxy;
    }

    @Test
    void discover_issuerMismatch_isRefused() {
        // The document names ".../default"; asking for ".../default/" must not be accepted as the same issuer.
        String issuer = server.issuerUrl("default").toString();
        assertThatThrownBy(() -> OidcProvider.discover(URI.create(issuer.endsWith("/") ? issuer : issuer + "/"), HTTP,
                LOOPBACK_TIMEOUT)).isInstanceOf(OidcException.class).hasMessageContaining("issuer");
    }
}
