package dev.supervisor.auth.cors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable CORS policy. Origins are exact ({@code https://app.example.com:8443}) or anchored subdomain
 * wildcards ({@code https://*.example.com}: any subdomain at any depth, never the bare domain, never
 * {@code evilexample.com}); a wildcard over a domain where anyone can register names ({@code https://*.co.uk},
 * {@code https://*.github.io}) is refused. {@code *} allows any origin but never together with credentials —
 * that combination is refused when the policy is built. Every answer carries {@code Vary: Origin}.
 */
public final class CorsPolicy {
    private final Set<Origin> exact;
    private final List<Origin> wildcards;
    private final boolean any;
    private final Set<String> methods;
    private final Set<String> headers;
    private final List<String> exposed;
    private final boolean credentials;
    private final Duration maxAge;

    private CorsPolicy(Builder b) {
        this.exact = Set.copyOf(b.exact);
        this.wildcards = List.copyOf(b.wildcards);
        this.any = b.any;
        this.methods = Set.copyOf(b.methods);
        this.headers = Set.copyOf(b.headers);
        this.exposed = List.copyOf(b.exposed);
        this.credentials = b.credentials;
        this.maxAge = b.maxAge;
    }

    /** @return a builder allowing nothing yet (GET, HEAD and POST methods by default) */
    public static Builder builder() {
        return new Builder();
    }

    private boolean allows(Origin o) {
        if (any || exact.contains(o)) {
            return true;
        }
        for (Origin w : wildcards) {
            if (w.scheme().equals(o.scheme()) && w.port() == o.port() && o.host().endsWith("." + w.host())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers an actual (non-preflight) request.
     *
     * @param originHeader the Origin header, or null for same-origin requests
     * @return the decision and headers
     */
    public CorsDecision actual(String originHeader) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Vary", "Origin");
        Origin o = parseOrNull(originHeader);
        if (o == null || !allows(o)) {
            return new CorsDecision(originHeader == null, h);
        }
        h.put("Access-Control-Allow-Origin", any && !credentials ? "*" : o.toString());
        if (credentials) {
            h.put("Access-Control-Allow-Credentials", "true");
        }
        if (!exposed.isEmpty()) {
            h.put("Access-Control-Expose-Headers", String.join(", ", exposed));
        }
        return new CorsDecision(true, h);
    }

    /**
     * Answers a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}).
     *
     * @param originHeader the Origin header
     * @param requestMethod the Access-Control-Request-Method header
     * @param requestHeaders the Access-Control-Request-Headers header, or null
     * @return the decision and headers
     */
    public CorsDecision preflight(String originHeader, String requestMethod, String requestHeaders) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        Origin o = parseOrNull(originHeader);
        if (o == null || !allows(o) || requestMethod == null
                || !methods.contains(requestMethod.trim().toUpperCase(Locale.ROOT))) {
            return new CorsDecision(false, h);
        }
        List<String> asked = new ArrayList<>();
        if (requestHeaders != null && !requestHeaders.isBlank()) {
            for (String x : requestHeaders.split(",")) {
                String name = x.trim().toLowerCase(Locale.ROOT);
                if (!headers.contains(name)) {
                    return new CorsDecision(false, h);
                }
                asked.add(name);
            }
        }
        h.put("Access-Control-Allow-Origin", any && !credentials ? "*" : o.toString());
        h.put("Access-Control-Allow-Methods", requestMethod.trim().toUpperCase(Locale.ROOT));
        if (!asked.isEmpty()) {
            h.put("Access-Control-Allow-Headers", String.join(", ", asked));
        }
        if (credentials) {
            h.put("Access-Control-Allow-Credentials", "true");
        }
        h.put("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
        return new CorsDecision(true, h);
    }

    private static Origin parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Origin.parse(text);
        } catch (IllegalArgumentException e) {
            return null; // "null" and malformed origins are simply not allowed
        }
    }

    /** Fail-fast builder of {@link CorsPolicy}. */
    public static final class Builder {
        private final Set<Origin> exact = new LinkedHashSet<>();
        private final List<Origin> wildcards = new ArrayList<>();
        private final Set<String> extraSuffixes = new LinkedHashSet<>();
        private boolean any;
        private final Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD", "POST"));
        private final Set<String> headers = new LinkedHashSet<>();
        private final List<String> exposed = new ArrayList<>();
        private boolean credentials;
        private Duration maxAge = Duration.ofMinutes(10);

        private Builder() {
        }

        /**
         * @param origin {@code *}, {@code scheme://host[:port]} or {@code scheme://*.domain[:port]}
         * @return this builder
         */
        public Builder allowOrigin(String origin) {
            Objects.requireNonNull(origin, "origin");
            if (origin.equals("*")) {
                any = true;
            } else if (origin.contains("://*.")) {
                Origin o = Origin.parse(origin.replace("://*.", "://"));
                if (o.host().indexOf('*') >= 0 || o.host().startsWith("[") || o.host().matches("[0-9.]+")) {
                    throw new IllegalArgumentException("wildcard origin '" + origin + "' must be *.domain");
                }
                if (PublicSuffixes.isPublic(o.host(), Set.of())) {
                    throw new IllegalArgumentException("wildcard origin '" + origin + "' is too broad: anyone can"
                            + " register names under " + o.host());
                }
                wildcards.add(o);
            } else if (origin.contains("*")) {
                throw new IllegalArgumentException("'" + origin + "': '*' is allowed only as '*' or a leading"
                        + " '*.' subdomain label");
            } else {
                exact.add(Origin.parse(origin));
            }
            return this;
        }

        /**
         * Adds shared domains (beyond the built-in ones) under which wildcard origins are refused.
         *
         * @param domains domains where anyone can register names, e.g. {@code apps.example-cloud.com}
         * @return this builder
         */
        public Builder publicSuffixes(String... domains) {
            for (String d : domains) {
                extraSuffixes.add(d.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * @param names methods allowed in preflights (replaces the defaults)
         * @return this builder
         */
        public Builder allowMethods(String... names) {
            methods.clear();
            for (String m : names) {
                methods.add(m.trim().toUpperCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * @param names request headers allowed in preflights
         * @return this builder
         */
        public Builder allowHeaders(String... names) {
            for (String n : names) {
                headers.add(n.trim().toLowerCase(Locale.ROOT));
            }
            return this;
        }

        /**
         * @param names response headers exposed to scripts
         * @return this builder
         */
        public Builder exposeHeaders(String... names) {
            exposed.addAll(List.of(names));
            return this;
        }

        /**
         * @param allow true to allow cookies and credentials
         * @return this builder
         */
        public Builder allowCredentials(boolean allow) {
            this.credentials = allow;
            return this;
        }

        /**
         * @param maxAge how long browsers may cache a preflight answer
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("maxAge must not be negative but was " + maxAge);
            }
            this.maxAge = maxAge;
            return this;
        }

        /**
         * @return the policy
         * @throws IllegalStateException if '*' is combined with credentials, or a wildcard lies over a public suffix
         *         added with {@link #publicSuffixes}
         */
        public CorsPolicy build() {
            for (Origin w : wildcards) {
                if (PublicSuffixes.isPublic(w.host(), extraSuffixes)) {
                    throw new IllegalStateException("wildcard origin *." + w.host() + " is too broad: anyone can"
                            + " register names under it");
                }
            }
            if (any && credentials) {
                throw new IllegalStateException("a CORS policy cannot allow any origin ('*') together with"
                        + " credentials; list the origins instead");
            }
            return new CorsPolicy(this);
        }
    }
}
