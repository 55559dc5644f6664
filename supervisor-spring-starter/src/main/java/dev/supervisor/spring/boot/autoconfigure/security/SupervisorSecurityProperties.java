package dev.supervisor.spring.boot.autoconfigure.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Protection of Supervisor's HTTP paths, under {@code supervisor.security.*}: who may call them (bearer JWTs, API
 * keys, roles), how often (rate limits, address blocking), from which origins (CORS), and the security headers of
 * every response. With no configuration nothing can authenticate, so nothing but the dashboard's pages is served.
 */
@ConfigurationProperties("supervisor.security")
public class SupervisorSecurityProperties {
    /** Protect Supervisor's paths; turning this off leaves them to the application's own security. */
    private boolean enabled = true;
    /** Root of Supervisor's paths (the dashboard lives here). */
    private String basePath = "/supervisor";
    /** Root of the REST API. */
    private String apiPath = "/supervisor/api";
    /** Addresses of reverse proxies whose X-Forwarded-For is believed (CIDR blocks, e.g. 10.0.0.0/8). */
    private List<String> trustedProxies = new ArrayList<>();
    private final Jwt jwt = new Jwt();
    private final ApiKeys apiKeys = new ApiKeys();
    private final RateLimit rateLimit = new RateLimit();
    private final IpBlock ipBlock = new IpBlock();
    private final Cors cors = new Cors();
    private final Headers headers = new Headers();

    /** Bearer tokens (JWS), checked by Supervisor's verifier. */
    public static class Jwt {
        /** The issuer tokens must name (iss). */
        private String issuer;
        /** The audience tokens must name (aud). */
        private String audience;
        /** HMAC secret (at least as long as the hash: 32 bytes for HS256); or use jwk-set-uri. */
        private String hmacSecret;
        /** HMAC algorithm of the secret: HS256, HS384 or HS512. */
        private String algorithm = "HS256";
        /** Key id (kid) of the HMAC secret; tokens naming another kid are refused, tokens naming none accepted. */
        private String keyId;
        /** URI of the issuer's JSON Web Key Set (public keys, fetched again for an unknown key id). */
        private String jwkSetUri;
        /** Claim holding the caller's roles (an array or a space-separated string). */
        private String rolesClaim = "roles";
        /** Longest lifetime accepted (exp - iat). */
        private Duration maxLifetime = Duration.ofHours(24);
        /** Clock skew tolerated on exp, nbf and iat. */
        private Duration leeway = Duration.ofSeconds(60);

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }

        public String getHmacSecret() {
            return hmacSecret;
        }

        public void setHmacSecret(String hmacSecret) {
            this.hmacSecret = hmacSecret;
        }

        public String getAlgorithm() {
            return algorithm;
        }

        public void setAlgorithm(String algorithm) {
            this.algorithm = algorithm;
        }

        public String getKeyId() {
            return keyId;
        }

        public void setKeyId(String keyId) {
            this.keyId = keyId;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public Duration getMaxLifetime() {
            return maxLifetime;
        }

        public void setMaxLifetime(Duration maxLifetime) {
            this.maxLifetime = maxLifetime;
        }

        public Duration getLeeway() {
            return leeway;
        }

        public void setLeeway(Duration leeway) {
            this.leeway = leeway;
        }
    }

    /** API keys (sk_...), each holding the permissions it was created with. */
    public static class ApiKeys {
        /** Accept API keys. */
        private boolean enabled = true;
        /** Request header carrying the key. */
        private String header = "X-API-Key";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }
    }

    /** Token-bucket rate limits per client address (IPv6 per /64). */
    public static class RateLimit {
        /** Limit requests at all. */
        private boolean enabled = true;
        /** Requests per minute per client. */
        private long requestsPerMinute = 60;
        /** Requests a client may make at once after a quiet period. */
        private long burst = 120;
        /** Requests per minute per client on the authentication paths. */
        private long authRequestsPerMinute = 10;
        /** Paths that count against the authentication tier. */
        private List<String> authPaths = new ArrayList<>(List.of("/supervisor/api/auth"));
        /** Most clients tracked at once (beyond, unknown clients share one bucket). */
        private long maxClients = 100_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getRequestsPerMinute() {
            return requestsPerMinute;
        }

        public void setRequestsPerMinute(long requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }

        public long getBurst() {
            return burst;
        }

        public void setBurst(long burst) {
            this.burst = burst;
        }

        public long getAuthRequestsPerMinute() {
            return authRequestsPerMinute;
        }

        public void setAuthRequestsPerMinute(long authRequestsPerMinute) {
            this.authRequestsPerMinute = authRequestsPerMinute;
        }

        public List<String> getAuthPaths() {
            return authPaths;
        }

        public void setAuthPaths(List<String> authPaths) {
            this.authPaths = authPaths;
        }

        public long getMaxClients() {
            return maxClients;
        }

        public void setMaxClients(long maxClients) {
            this.maxClients = maxClients;
        }
    }

    /** Blocking of clients that keep being refused. */
    public static class IpBlock {
        /** Refusals within the window that block a client. */
        private int violations = 5;
        /** Window in which refusals are counted. */
        private Duration window = Duration.ofMinutes(1);
        /** First block's length; each further block doubles it. */
        private Duration baseBlock = Duration.ofMinutes(5);
        /** Longest block. */
        private Duration maxBlock = Duration.ofHours(1);
        /** Addresses never blocked (CIDR blocks). */
        private List<String> allow = new ArrayList<>();

        public int getViolations() {
            return violations;
        }

        public void setViolations(int violations) {
            this.violations = violations;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public Duration getBaseBlock() {
            return baseBlock;
        }

        public void setBaseBlock(Duration baseBlock) {
            this.baseBlock = baseBlock;
        }

        public Duration getMaxBlock() {
            return maxBlock;
        }

        public void setMaxBlock(Duration maxBlock) {
            this.maxBlock = maxBlock;
        }

        public List<String> getAllow() {
            return allow;
        }

        public void setAllow(List<String> allow) {
            this.allow = allow;
        }
    }

    /** Cross-origin requests (none allowed by default). */
    public static class Cors {
        /** Origins allowed to call the API (https://app.example.com, or https://*.example.com). */
        private List<String> allowedOrigins = new ArrayList<>();
        /** Let allowed origins send credentials. */
        private boolean allowCredentials = false;
        /** How long browsers may cache a preflight answer. */
        private Duration maxAge = Duration.ofMinutes(10);

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public boolean isAllowCredentials() {
            return allowCredentials;
        }

        public void setAllowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /** Security headers of every response under the base path. */
    public static class Headers {
        /** Send them. */
        private boolean enabled = true;
        /** Content-Security-Policy (must set frame-ancestors and must not allow unsafe-eval). */
        private String contentSecurityPolicy =
                "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        /** Strict-Transport-Security max-age. */
        private Duration hstsMaxAge = Duration.ofDays(365);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getContentSecurityPolicy() {
            return contentSecurityPolicy;
        }

        public void setContentSecurityPolicy(String contentSecurityPolicy) {
            this.contentSecurityPolicy = contentSecurityPolicy;
        }

        public Duration getHstsMaxAge() {
            return hstsMaxAge;
        }

        public void setHstsMaxAge(Duration hstsMaxAge) {
            this.hstsMaxAge = hstsMaxAge;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBasePath() {
        return basePath;
    }

    public void setBasePath(String basePath) {
        this.basePath = basePath;
    }

    public String getApiPath() {
        return apiPath;
    }

    public void setApiPath(String apiPath) {
        this.apiPath = apiPath;
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public ApiKeys getApiKeys() {
        return apiKeys;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public IpBlock getIpBlock() {
        return ipBlock;
    }

    public Cors getCors() {
        return cors;
    }

    public Headers getHeaders() {
        return headers;
    }
}
