package dev.supervisor.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supervisor.auth.internal.Printable;
import dev.supervisor.auth.internal.StrictJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where an identity provider lives and which issuers its ID tokens may carry. Presets for Google, GitHub and
 * Microsoft, discovery for any OpenID provider, and a builder for the rest.
 */
public final class OidcProvider {
    private static final StrictJson JSON = new StrictJson(Http.MAX_BODY, 32, 65_536);
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9.-]{1,100}");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final String name;
    private final URI authorizationEndpoint;
    private final URI tokenEndpoint;
    private final URI jwksUri;
    private final Set<String> issuers;
    private final String issuerTemplate;
    private final List<String> defaultScopes;

    private OidcProvider(String name, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, Set<String> issuers,
                         String issuerTemplate, List<String> defaultScopes) {
        this.name = name;
        this.authorizationEndpoint = authorizationEndpoint;
        this.tokenEndpoint = tokenEndpoint;
        this.jwksUri = jwksUri;
        this.issuers = issuers;
        this.issuerTemplate = issuerTemplate;
        this.defaultScopes = defaultScopes;
    }

    /** @return Google: RS256 ID tokens whose issuer is {@code https://accounts.google.com} or the legacy form */
    public static OidcProvider google() {
        return new OidcProvider("google", URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                URI.create("https://oauth2.googleapis.com/token"),
                        URI.create("https://www.googleapis.com/oauth2/v3/certs"),
                Set.of("https://accounts.google.com", "accounts.google.com"), null, List.of("openid", "email",
                        "profile"));
    }

    /**
     * @return GitHub: plain OAuth 2.0 (no ID token; PKCE S256 supported). {@link OidcTokens#idClaims()} is null;
     *         call GitHub's user API with the access token to learn who signed in
     */
    public static OidcProvider github() {
        return new OidcProvider("github", URI.create("https://github.com/login/oauth/authorize"),
                URI.create("https://github.com/login/oauth/access_token"), null, Set.of(), null, List.of("read:user"));
    }

    /**
     * @param tenant a tenant id (GUID), a verified domain, or {@code common}, {@code organizations}, {@code consumers}
     * @return Microsoft identity platform v2. For a GUID tenant the issuer is fixed; for the multi-tenant forms
     *         the issuer is the template {@code https://login.microsoftonline.com/{tenantid}/v2.0} checked against
     *         the token's {@code tid} (restrict tenants with {@link OidcClient.Builder#allowedTenants})
     */
    public static OidcProvider microsoft(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (!TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("Microsoft tenant must be a tenant id, a domain, common, organizations"
                    + " or consumers but was '" + tenant + "'");
        }
        String base = "https://login.microsoftonline.com/" + tenant;
        boolean fixed = GUID.matcher(tenant).matches();
        return new OidcProvider("microsoft", URI.create(base + "/oauth2/v2.0/authorize"),
                URI.create(base + "/oauth2/v2.0/token"), URI.create(base + "/discovery/v2.0/keys"),
                fixed ? Set.of(base + "/v2.0") : Set.of(),
                fixed ? null : "https://login.microsoftonline.com/{tenantid}/v2.0", List.of("openid", "email",
                        "profile"));
    }

    /**
     * Reads {@code {issuer}/.well-known/openid-configuration}. The document's {@code issuer} must equal
     * {@code issuer} exactly (OpenID Discovery §4.3), and every endpoint must be https (http only on loopback).
     *
     * @param issuer the issuer identifier
     * @param http the client to use
     * @param timeout per request
     * @return the provider
     * @throws OidcException with reason DISCOVERY
     */
    public static OidcProvider discover(URI issuer, HttpClient http, Duration timeout) {
        String iss = Objects.requireNonNull(issuer, "issuer").toString();
        String base = iss.endsWith("/") ? iss.substring(0, iss.length() - 1) : iss;
        Http.Response r = Http.get(http, Http.requireSecure(base + "/.well-known/openid-configuration",
                "discovery URL"), timeout, OidcException.Reason.DISCOVERY);
        if (r.status() != 200) {
            throw new OidcException(OidcException.Reason.DISCOVERY, "discovery answered HTTP " + r.status());
        }
        JsonNode doc;
        try {
            doc = JSON.parse(r.body());
        } catch (StrictJson.Refused e) {
            throw new OidcException(OidcException.Reason.DISCOVERY, "discovery document is not JSON");
        }
        String docIssuer = doc.path("issuer").asText(null);
        if (!iss.equals(docIssuer)) {
            throw new OidcException(OidcException.Reason.DISCOVERY, "discovery issuer " + Printable.quote(docIssuer)
                    + " is not the requested '" + iss + "'");
        }
        return new OidcProvider(base, Http.requireSecure(doc.path("authorization_endpoint").asText(null),
                "authorization_endpoint"), Http.requireSecure(doc.path("token_endpoint").asText(null),
                        "token_endpoint"),
                Http.requireSecure(doc.path("jwks_uri").asText(null), "jwks_uri"), Set.of(iss), null,
                List.of("openid", "email", "profile"));
    }

    /**
     * @param name a label
     * @param authorizationEndpoint the authorize URL
     * @param tokenEndpoint the token URL
     * @param jwksUri the JWKS URL, or null for plain OAuth
     * @param issuer the exact issuer of ID tokens, or null for plain OAuth
     * @return a custom provider (https only, http on loopback)
     */
    public static OidcProvider of(String name, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                                  String issuer) {
        return new OidcProvider(Objects.requireNonNull(name, "name"),
                Http.requireSecure(authorizationEndpoint.toString(), "authorization endpoint"),
                Http.requireSecure(tokenEndpoint.toString(), "token endpoint"),
                jwksUri == null ? null : Http.requireSecure(jwksUri.toString(), "jwks uri"),
                issuer == null ? Set.of() : Set.of(issuer), null,
                jwksUri == null ? List.of() : List.of("openid", "email", "profile"));
    }

    /** @return a label */
    public String name() {
        return name;
    }

    /** @return the authorize URL */
    public URI authorizationEndpoint() {
        return authorizationEndpoint;
    }

    /** @return the token URL */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** @return the JWKS URL, or null for plain OAuth providers */
    public URI jwksUri() {
        return jwksUri;
    }

    /** @return true if the provider issues ID tokens */
    public boolean issuesIdTokens() {
        return jwksUri != null;
    }

    /** @return scopes asked for when the client names none */
    public List<String> defaultScopes() {
        return defaultScopes;
    }

    /**
     * @param iss an {@code iss} value
     * @param tid the token's {@code tid} claim, or null
     * @return true if ID tokens of this provider may carry it
     */
    boolean acceptsIssuer(String iss, String tid) {
        if (iss == null) {
            return false;
        }
        if (issuers.contains(iss)) {
            return true;
        }
        return issuerTemplate != null && tid != null && GUID.matcher(tid).matches()
                && iss.equals(issuerTemplate.replace("{tenantid}", tid));
    }

    /** @return true if the issuer is a template resolved per token (Microsoft multi-tenant) */
    boolean templatedIssuer() {
        return issuerTemplate != null;
    }

    @Override
    public String toString() {
        return "OidcProvider[" + name + "]";
    }
}
