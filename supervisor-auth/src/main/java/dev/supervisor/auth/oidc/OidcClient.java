package dev.supervisor.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.internal.BoundedTable;
import dev.supervisor.auth.internal.StrictJson;
import dev.supervisor.auth.jwt.JwksKeySource;
import dev.supervisor.auth.jwt.JwtException;
import dev.supervisor.auth.jwt.JwtVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Signs users in with the authorization-code flow: {@link #authorize()} builds the redirect (state, nonce, PKCE
 * S256); {@link #exchange} checks the callback, trades the code for tokens and validates the ID token (signature
 * through the provider's JWKS with rotation, issuer, audience, {@code azp}, expiry, {@code iat}, nonce). Each
 * {@link AuthorizationRequest} works once: a replayed callback is refused. Thread-safe.
 */
public final class OidcClient {
    private static final StrictJson JSON = new StrictJson(Http.MAX_BODY, 32, Http.MAX_BODY);
    /** Sign-ins remembered as used at once; past this, new callbacks are refused rather than a state forgotten. */
    static final int MAX_PENDING = 100_000;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final OidcProvider provider;
    private final String clientId;
    private final String clientSecret;
    private final URI redirectUri;
    private final List<String> scopes;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration requestTtl;
    private final Duration leeway;
    private final Duration timeout;
    private final Set<String> allowedTenants;
    private final BoundedTable<String, Instant> consumed;
    private volatile JwtVerifier idTokenVerifier;

    private OidcClient(Builder b) {
        this.provider = b.provider;
        this.clientId = b.clientId;
        this.clientSecret = b.clientSecret;
        this.redirectUri = b.redirectUri;
        this.scopes = b.scopes != null ? b.scopes : provider.defaultScopes();
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.clock = b.clock;
        this.random = b.random;
        this.requestTtl = b.requestTtl;
        this.leeway = b.leeway;
        this.timeout = b.timeout;
        this.allowedTenants = b.allowedTenants;
        // A used state is remembered until its request has expired anyway; a full table refuses new callbacks.
        this.consumed = new BoundedTable<>(MAX_PENDING, () -> clock.millis() * 1_000_000L,
                (createdAt, now) -> createdAt.plus(requestTtl).plusSeconds(1).toEpochMilli() * 1_000_000L, false);
    }

    /**
     * @param provider the identity provider
     * @return a builder (client id and redirect URI are required)
     */
    public static Builder builder(OidcProvider provider) {
        return new Builder(provider);
    }

    /** @return a new sign-in request; redirect the user to its URL and keep it until the callback */
    public AuthorizationRequest authorize() {
        String state = token(32);
        String nonce = token(32);
        String verifier = Pkce.newVerifier(random);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", String.join(" ", scopes));
        q.put("state", state);
        if (provider.issuesIdTokens()) {
            q.put("nonce", nonce);
        }
        q.put("code_challenge", Pkce.challenge(verifier));
        q.put("code_challenge_method", "S256");
        String sep = provider.authorizationEndpoint().getRawQuery() == null ? "?" : "&";
        return new AuthorizationRequest(URI.create(provider.authorizationEndpoint() + sep + form(q)), state, nonce,
                verifier, clock.instant());
    }

    /**
     * Like {@link #exchange(Map, AuthorizationRequest)}, from the full callback URL: its scheme, host, port and
     * path must equal the configured redirect URI exactly (no prefix, suffix or case variants).
     *
     * @param callbackUrl the URL the browser was sent to
     * @param pending the request {@link #authorize()} returned for this browser
     * @return the validated tokens
     * @throws OidcException naming the check that failed
     */
    public OidcTokens exchange(URI callbackUrl, AuthorizationRequest pending) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (!Objects.equals(callbackUrl.getScheme(), redirectUri.getScheme())
                || !Objects.equals(callbackUrl.getRawAuthority(), redirectUri.getRawAuthority())
                || !Objects.equals(callbackUrl.getRawPath(), redirectUri.getRawPath())) {
            throw new OidcException(OidcException.Reason.REDIRECT_MISMATCH, "callback URL is not the redirect URI");
        }
        Map<String, String> q = new LinkedHashMap<>();
        String raw = callbackUrl.getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                String k = java.net.URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                if (q.putIfAbsent(k, v) != null) {
                    throw new OidcException(OidcException.Reason.STATE_MISMATCH, "callback repeats parameter "
                            + printable(k));
                }
            }
        }
        return exchange(q, pending);
    }

    /**
     * @param callback the query parameters of the request to the redirect URI
     * @param pending the request {@link #authorize()} returned for this browser
     * @return the validated tokens
     * @throws OidcException naming the check that failed
     */
    public OidcTokens exchange(Map<String, String> callback, AuthorizationRequest pending) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(pending, "pending");
        if (clock.instant().isAfter(pending.createdAt().plus(requestTtl))) {
            throw new OidcException(OidcException.Reason.REQUEST_REUSED_OR_EXPIRED, "sign-in request is older than "
                    + requestTtl);
        }
        String state = callback.get("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                pending.state().getBytes(StandardCharsets.UTF_8))) {
            throw new OidcException(OidcException.Reason.STATE_MISMATCH, "callback state does not match");
        }
        boolean[] first = {false};
        if (consumed.update(pending.state(), old -> {
            first[0] = old == null;
            return old == null ? pending.createdAt() : old;
        }) == null) {
            throw new OidcException(OidcException.Reason.REQUEST_REUSED_OR_EXPIRED, "too many sign-ins in progress"
                    + " (" + MAX_PENDING + "); refused rather than forgetting a used one");
        }
        if (!first[0]) {
            throw new OidcException(OidcException.Reason.REQUEST_REUSED_OR_EXPIRED, "sign-in request already used");
        }
        if (callback.containsKey("error")) {
            throw new OidcException(OidcException.Reason.PROVIDER_ERROR, "provider answered "
                    + printable(callback.get("error")));
        }
        String iss = callback.get("iss");
        if (iss != null && provider.issuesIdTokens() && !provider.templatedIssuer()
                && !provider.acceptsIssuer(iss, null)) {
            throw new OidcException(OidcException.Reason.ISSUER_MISMATCH, "callback iss " + printable(iss)
                    + " is not " + provider.name());
        }
        String code = callback.get("code");
        if (code == null || code.isEmpty()) {
            throw new OidcException(OidcException.Reason.MISSING_CODE, "callback has no code");
        }
        JsonNode body = redeem(code, pending.codeVerifier());
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null) {
            throw new OidcException(OidcException.Reason.TOKEN_ENDPOINT, "token response has no access_token");
        }
        String idToken = body.path("id_token").asText(null);
        JsonNode claims = null;
        if (provider.issuesIdTokens() && scopes.contains("openid")) {
            if (idToken == null) {
                throw new OidcException(OidcException.Reason.ID_TOKEN_INVALID, "token response has no id_token");
            }
            claims = validateIdToken(idToken, pending.nonce());
        }
        return new OidcTokens(accessToken, body.path("token_type").asText("Bearer"), body.path("expires_in").asLong(-1),
                body.path("refresh_token").asText(null), body.path("scope").asText(null), idToken, claims);
    }

    private JsonNode redeem(String code, String verifier) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "authorization_code");
        f.put("code", code);
        f.put("redirect_uri", redirectUri.toString());
        f.put("code_verifier", verifier);
        f.put("client_id", clientId);
        String basic = clientSecret == null ? null : Base64.getEncoder().encodeToString(
                (enc(clientId) + ":" + enc(clientSecret)).getBytes(StandardCharsets.UTF_8));
        Http.Response r = Http.postForm(http, provider.tokenEndpoint(), form(f), basic, timeout,
                OidcException.Reason.TOKEN_ENDPOINT);
        JsonNode body;
        try {
            body = JSON.parse(r.body());
        } catch (StrictJson.Refused e) {
            throw new OidcException(OidcException.Reason.TOKEN_ENDPOINT, "token response (HTTP " + r.status()
                    + ") is not acceptable JSON: it " + e.getMessage());
        }
        if (r.status() != 200 || body == null || !body.isObject()) {
            String err = body != null && body.isObject() ? printable(body.path("error").asText("")) : "";
            throw new OidcException(OidcException.Reason.TOKEN_ENDPOINT, "token endpoint answered HTTP " + r.status()
                    + (err.isEmpty() ? "" : " " + err));
        }
        return body;
    }

    private JsonNode validateIdToken(String idToken, String nonce) {
        JsonNode c;
        try {
            c = verifier().verify(idToken).claims();
        } catch (JwtException e) {
            throw new OidcException(OidcException.Reason.ID_TOKEN_INVALID, e.getMessage());
        }
        String tid = c.path("tid").asText(null);
        if (!provider.acceptsIssuer(c.path("iss").asText(null), tid)) {
            throw new OidcException(OidcException.Reason.ID_TOKEN_INVALID, "issuer "
                    + printable(c.path("iss").asText("")) + " is not " + provider.name());
        }
        if (allowedTenants != null && (tid == null || !allowedTenants.contains(tid))) {
            throw new OidcException(OidcException.Reason.ID_TOKEN_INVALID, "tenant is not allowed");
        }
        JsonNode aud = c.get("aud");
        JsonNode azp = c.get("azp");
        if (aud != null && aud.isArray() && aud.size() > 1 && azp == null
                || azp != null && !clientId.equals(azp.asText())) {
            throw new OidcException(OidcException.Reason.ID_TOKEN_INVALID, "azp does not name this client");
        }
        String got = c.path("nonce").asText(null);
        if (got == null || !MessageDigest.isEqual(got.getBytes(StandardCharsets.UTF_8),
                nonce.getBytes(StandardCharsets.UTF_8))) {
            throw new OidcException(OidcException.Reason.NONCE_MISMATCH, "ID token nonce does not match the request");
        }
        return c;
    }

    private JwtVerifier verifier() {
        JwtVerifier v = idTokenVerifier;
        if (v == null) {
            synchronized (this) {
                v = idTokenVerifier;
                if (v == null) {
                    URI jwks = provider.jwksUri();
                    JwksKeySource source = JwksKeySource.of(() -> {
                        Http.Response r = Http.get(http, jwks, timeout, OidcException.Reason.DISCOVERY);
                        if (r.status() != 200) {
                            throw new OidcException(OidcException.Reason.DISCOVERY, "JWKS answered HTTP " + r.status());
                        }
                        return r.body();
                    }, clock, Duration.ofMinutes(1));
                    // The issuer is checked against the provider's rules (fixed or per-tenant) after verification.
                    v = JwtVerifier.builder().keySource(source).clock(clock).leeway(leeway).audience(clientId)
                            .anyIssuer().build();
                    idTokenVerifier = v;
                }
            }
        }
        return v;
    }

    private String token(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    private static String form(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(enc(k) + "=" + enc(v)));
        return j.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Provider-supplied text in our messages: printable ASCII only, bounded. */
    private static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < 100; i++) {
            char ch = s.charAt(i);
            sb.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        return sb.toString();
    }

    /** Builds an {@link OidcClient}; setters reject bad values at once. */
    public static final class Builder {
        private final OidcProvider provider;
        private String clientId;
        private String clientSecret;
        private URI redirectUri;
        private List<String> scopes;
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();
        private Duration requestTtl = Duration.ofMinutes(10);
        private Duration leeway = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(10);
        private Set<String> allowedTenants;

        private Builder(OidcProvider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
        }

        /** @param id the registered client id @return this */
        public Builder clientId(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("clientId must not be blank");
            }
            this.clientId = id;
            return this;
        }

        /** @param secret the client secret (sent with HTTP Basic), for confidential clients @return this */
        public Builder clientSecret(String secret) {
            this.clientSecret = Objects.requireNonNull(secret, "clientSecret");
            return this;
        }

        /** @param uri the registered redirect URI (exact match at the provider) @return this */
        public Builder redirectUri(URI uri) {
            this.redirectUri = Http.requireSecure(Objects.requireNonNull(uri, "redirectUri").toString(),
                    "redirect URI");
            return this;
        }

        /** @param scopes scopes to ask for (default: the provider's) @return this */
        public Builder scopes(List<String> scopes) {
            if (scopes == null || scopes.isEmpty() || scopes.stream().anyMatch(s -> s == null || s.isBlank()
                    || s.contains(" "))) {
                throw new IllegalArgumentException("scopes must be non-empty words without spaces: " + scopes);
            }
            this.scopes = List.copyOf(scopes);
            return this;
        }

        /** @param client the HTTP client (default: new, no redirects followed) @return this */
        public Builder httpClient(HttpClient client) {
            this.http = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** @param clock the clock @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param random entropy for state, nonce and verifier @return this */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** @param ttl how long a sign-in request stays valid, 1 s to 1 h (default 10 min) @return this */
        public Builder requestTtl(Duration ttl) {
            if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("requestTtl must be between 1 s and 1 h but was " + ttl);
            }
            this.requestTtl = ttl;
            return this;
        }

        /** @param tenants the only {@code tid} values accepted (Microsoft multi-tenant) @return this */
        public Builder allowedTenants(Set<String> tenants) {
            this.allowedTenants = Set.copyOf(tenants);
            return this;
        }

        /** @param timeout per HTTP request (default 10 s) @return this */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @return the client
         * @throws IllegalStateException if client id or redirect URI is missing
         */
        public OidcClient build() {
            if (clientId == null || redirectUri == null) {
                throw new IllegalStateException("OIDC client needs a clientId and a redirectUri");
            }
            return new OidcClient(this);
        }
    }
}
