package dev.supervisor.api.plugin;

import java.util.Locale;
import java.util.Objects;

/**
 * Something a plugin may do through its {@link PluginContext}, written {@code kind} or {@code kind:scope}:
 * <ul>
 *   <li>{@code http:<host>}: HTTP requests to that host (any port or scheme); {@code *.example.com} covers its
 *       subdomains, {@code http:*} every host;</li>
 *   <li>{@code secret:<name>}: read one named secret ({@code secret:*} every secret);</li>
 *   <li>{@code events}: receive the run and task lifecycle events;</li>
 *   <li>{@code topics:<plugin-id>}: receive the topics another plugin publishes (its own topics need nothing);</li>
 *   <li>{@code workflows}: submit workflows;</li>
 *   <li>{@code schedule}: run its own code later.</li>
 * </ul>
 * A plugin requests capabilities in its descriptor; the host grants some of them. Capabilities are checked where
 * the host API is called, so they contain <em>accidents</em> of cooperating plugins (a misconfigured URL, a plugin
 * reading a secret it was not meant to have): they do not contain hostile code, which can reach the JVM directly.
 *
 * @param kind what kind of access
 * @param scope what it applies to, lower-case ({@code ""} for kinds without a scope)
 */
public record Capability(Kind kind, String scope) {

    /** Kinds of capability. */
    public enum Kind {
        /** HTTP requests to a host. */
        HTTP("http", true),
        /** Reading a named secret. */
        SECRET("secret", true),
        /** Receiving run and task lifecycle events. */
        EVENTS("events", false),
        /** Receiving another plugin's topics. */
        TOPICS("topics", true),
        /** Submitting workflows. */
        WORKFLOWS("workflows", false),
        /** Scheduling its own code to run later. */
        SCHEDULE("schedule", false);

        private final String word;
        private final boolean scoped;

        Kind(String word, boolean scoped) {
            this.word = word;
            this.scoped = scoped;
        }

        /** @return the word used in descriptors */
        public String word() {
            return word;
        }

        /** @return true if capabilities of this kind need a scope */
        public boolean scoped() {
            return scoped;
        }
    }

    /**
     * @throws IllegalArgumentException if the scope is missing for a scoped kind, present for another, or malformed
     */
    public Capability {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scope, "scope");
        scope = scope.strip().toLowerCase(Locale.ROOT);
        if (kind.scoped() && scope.isEmpty()) {
            throw new IllegalArgumentException("capability '" + kind.word() + "' needs a scope, e.g. '"
                    + kind.word() + ":" + (kind == Kind.HTTP ? "hooks.slack.com" : "name") + "'");
        }
        if (!kind.scoped() && !scope.isEmpty()) {
            throw new IllegalArgumentException("capability '" + kind.word() + "' takes no scope but got '" + scope
                    + "'");
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-' || c == '*'
                    || c == ':' || c == '[' || c == ']')) {
                throw new IllegalArgumentException("capability scope '" + scope + "' has a character that is not"
                        + " allowed: '" + c + "'");
            }
        }
        int star = scope.indexOf('*');
        if (star >= 0 && !scope.equals("*") && !(star == 0 && scope.startsWith("*.") && scope.indexOf('*', 1) < 0)) {
            throw new IllegalArgumentException("capability scope '" + scope + "' may only be '*' or start with '*.'");
        }
    }

    /**
     * @param text {@code kind} or {@code kind:scope}, e.g. {@code http:hooks.slack.com}
     * @return the capability
     * @throws IllegalArgumentException if the kind is unknown or the scope is wrong for it
     */
    public static Capability parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int colon = s.indexOf(':');
        String word = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) {
            if (k.word().equals(word)) {
                return new Capability(k, colon < 0 ? "" : s.substring(colon + 1));
            }
        }
        throw new IllegalArgumentException("unknown capability '" + s + "': expected one of http:<host>,"
                + " secret:<name>, events, topics:<plugin-id>, workflows, schedule");
    }

    /** @param host a host name, {@code *.domain} or {@code *} @return HTTP access to it */
    public static Capability http(String host) {
        return new Capability(Kind.HTTP, host);
    }

    /** @param name a secret's name @return read access to it */
    public static Capability secret(String name) {
        return new Capability(Kind.SECRET, name);
    }

    /** @param pluginId another plugin @return access to its topics */
    public static Capability topics(String pluginId) {
        return new Capability(Kind.TOPICS, pluginId);
    }

    /** @return access to run and task lifecycle events */
    public static Capability events() {
        return new Capability(Kind.EVENTS, "");
    }

    /** @return the right to submit workflows */
    public static Capability workflows() {
        return new Capability(Kind.WORKFLOWS, "");
    }

    /** @return the right to schedule code */
    public static Capability schedule() {
        return new Capability(Kind.SCHEDULE, "");
    }

    /**
     * @param other a capability
     * @return true if holding this one allows what {@code other} allows ({@code *} and {@code *.domain} scopes
     *         cover the names they match)
     */
    public boolean covers(Capability other) {
        if (kind != other.kind) {
            return false;
        }
        if (scope.equals(other.scope) || scope.equals("*")) {
            return true;
        }
        return scope.startsWith("*.") && !other.scope.startsWith("*") && other.scope.endsWith(scope.substring(1));
    }

    @Override
    public String toString() {
        return scope.isEmpty() ? kind.word() : kind.word() + ":" + scope;
    }
}
