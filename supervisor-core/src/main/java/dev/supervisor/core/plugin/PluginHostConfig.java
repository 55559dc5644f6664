package dev.supervisor.core.plugin;

import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginApi;
import dev.supervisor.api.plugin.PluginAuditSink;
import dev.supervisor.api.plugin.SemanticVersion;
import dev.supervisor.core.DelayScheduler;
import dev.supervisor.core.Supervisor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Immutable configuration of a {@link PluginHost}. Nothing is granted by default: a plugin receives only the
 * capabilities given here with {@link Builder#grant} (and only those its descriptor asks for).
 */
public final class PluginHostConfig {
    private final SemanticVersion hostApi;
    private final Clock clock;
    private final DelayScheduler timer;
    private final Supplier<Supervisor> supervisor;
    private final EventBus eventBus;
    private final Duration callbackTimeout;
    private final int maxConsecutiveFailures;
    private final int queueCapacity;
    private final int threadsPerPlugin;
    private final Map<String, Set<Capability>> grants;
    private final Map<String, Map<String, String>> settings;
    private final PluginSecrets secrets;
    private final PluginAuditSink audit;
    private final PluginStateStore stateStore;
    private final HttpClient httpClient;
    private final ClassLoader parentLoader;
    private final List<String> shared;
    private final Duration stopGrace;

    private PluginHostConfig(Builder b) {
        this.hostApi = b.hostApi;
        this.clock = b.clock;
        this.timer = b.timer;
        this.supervisor = b.supervisor;
        this.eventBus = b.eventBus;
        this.callbackTimeout = b.callbackTimeout;
        this.maxConsecutiveFailures = b.maxConsecutiveFailures;
        this.queueCapacity = b.queueCapacity;
        this.threadsPerPlugin = b.threadsPerPlugin;
        this.grants = Map.copyOf(b.grants);
        this.settings = Map.copyOf(b.settings);
        this.secrets = b.secrets;
        this.audit = b.audit;
        this.stateStore = b.stateStore;
        this.httpClient = b.httpClient;
        this.parentLoader = b.parentLoader;
        this.shared = b.shared;
        this.stopGrace = b.stopGrace;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the plugin API version the host provides (default {@link PluginApi#VERSION}) */
    public SemanticVersion hostApi() {
        return hostApi;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return what enforces callback time limits and runs scheduled plugin code, or null for the host's own */
    public DelayScheduler timer() {
        return timer;
    }

    /** @return where plugins submit workflows (the supervisor, found at each submission), or null */
    public Supplier<Supervisor> supervisor() {
        return supervisor;
    }

    /** @return the bus plugins receive events from and publish topics on, or null for a new one */
    public EventBus eventBus() {
        return eventBus;
    }

    /** @return how long one plugin callback may run (default 30 s) */
    public Duration callbackTimeout() {
        return callbackTimeout;
    }

    /** @return failures in a row after which a plugin is quarantined (default 5) */
    public int maxConsecutiveFailures() {
        return maxConsecutiveFailures;
    }

    /** @return each plugin's queue of pending callbacks (default 1,000) */
    public int queueCapacity() {
        return queueCapacity;
    }

    /** @return threads per plugin (default 1, which keeps its events in order) */
    public int threadsPerPlugin() {
        return threadsPerPlugin;
    }

    /**
     * @param pluginId a plugin
     * @return the capabilities the host is willing to grant it
     */
    public Set<Capability> grants(String pluginId) {
        return grants.getOrDefault(pluginId, Set.of());
    }

    /** @return true if some plugin may be granted HTTP access */
    public boolean grantsHttp() {
        return grants.values().stream().flatMap(Set::stream).anyMatch(c -> c.kind() == Capability.Kind.HTTP);
    }

    /**
     * @param pluginId a plugin
     * @return its settings
     */
    public Map<String, String> settings(String pluginId) {
        return settings.getOrDefault(pluginId, Map.of());
    }

    /** @return where secrets come from (default none) */
    public PluginSecrets secrets() {
        return secrets;
    }

    /** @return the audit trail, or null to log it */
    public PluginAuditSink audit() {
        return audit;
    }

    /** @return where enabled/disabled survives restarts (default in memory) */
    public PluginStateStore stateStore() {
        return stateStore;
    }

    /** @return the HTTP client behind every plugin's guarded one, or null for the host's own */
    public HttpClient httpClient() {
        return httpClient;
    }

    /** @return the parent of plugin class loaders: it must see {@code dev.supervisor.api} */
    public ClassLoader parentLoader() {
        return parentLoader;
    }

    /** @return package prefixes plugins load from the parent: the API, SLF4J and any added */
    public List<String> sharedPackages() {
        return shared;
    }

    /** @return how long stopping waits for a plugin's threads to end (default 5 s) */
    public Duration stopGrace() {
        return stopGrace;
    }

    @Override
    public String toString() {
        return "PluginHostConfig{hostApi=" + hostApi + ", callbackTimeout=" + callbackTimeout
                + ", maxConsecutiveFailures=" + maxConsecutiveFailures + ", queueCapacity=" + queueCapacity
                + ", threadsPerPlugin=" + threadsPerPlugin + ", grants=" + grants + "}";
    }

    /** Builds a {@link PluginHostConfig}; each option may be set once (grants and settings once per plugin). */
    public static final class Builder {
        private SemanticVersion hostApi = PluginApi.VERSION;
        private Clock clock = Clock.systemUTC();
        private DelayScheduler timer;
        private Supplier<Supervisor> supervisor;
        private Supervisor directSupervisor;
        private EventBus eventBus;
        private Duration callbackTimeout = Duration.ofSeconds(30);
        private int maxConsecutiveFailures = 5;
        private int queueCapacity = 1000;
        private int threadsPerPlugin = 1;
        private final Map<String, Set<Capability>> grants = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        private PluginSecrets secrets = PluginSecrets.none();
        private PluginAuditSink audit;
        private PluginStateStore stateStore = PluginStateStore.inMemory();
        private HttpClient httpClient;
        private ClassLoader parentLoader = Plugin.class.getClassLoader();
        private List<String> shared = List.of("dev.supervisor.api.", "org.slf4j.");
        private Duration stopGrace = Duration.ofSeconds(5);
        private final Set<String> set = new LinkedHashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set");
            }
        }

        private static Duration positive(String option, Duration d) {
            if (Objects.requireNonNull(d, option).isNegative() || d.isZero()) {
                throw new IllegalArgumentException(option + " must be positive but was " + d);
            }
            return d;
        }

        private static int atLeastOne(String option, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(option + " must be at least 1 but was " + n);
            }
            return n;
        }

        /** @param hostApi the plugin API version to present (tests of old hosts) @return this */
        public Builder hostApi(SemanticVersion hostApi) {
            once("hostApi");
            this.hostApi = Objects.requireNonNull(hostApi, "hostApi");
            return this;
        }

        /** @param clock the clock (a {@link dev.supervisor.core.testing.ManualClock} in tests) @return this */
        public Builder clock(Clock clock) {
            once("clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param timer enforces callback time limits and runs scheduled plugin code; pass the same
         *        {@link dev.supervisor.core.testing.ManualClock} as the clock for deterministic tests
         * @return this
         */
        public Builder timer(DelayScheduler timer) {
            once("timer");
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** @param supervisor where plugins granted {@code workflows} submit, and whose bus they use @return this */
        public Builder supervisor(Supervisor supervisor) {
            once("supervisor");
            this.directSupervisor = Objects.requireNonNull(supervisor, "supervisor");
            this.supervisor = () -> directSupervisor;
            return this;
        }

        /**
         * For a supervisor created after the host, for example one whose configuration uses
         * {@link PluginHost#taskHandler}: it is looked up at each submission. The bus must then be set too.
         *
         * @param supervisor gives the supervisor (or null while there is none)
         * @return this
         */
        public Builder supervisor(Supplier<? extends Supervisor> supervisor) {
            once("supervisor");
            Objects.requireNonNull(supervisor, "supervisor");
            this.supervisor = supervisor::get;
            return this;
        }

        /** @param eventBus the bus, if not the supervisor's @return this */
        public Builder eventBus(EventBus eventBus) {
            once("eventBus");
            this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
            return this;
        }

        /** @param timeout how long one plugin callback may run, positive @return this */
        public Builder callbackTimeout(Duration timeout) {
            once("callbackTimeout");
            this.callbackTimeout = positive("callbackTimeout", timeout);
            return this;
        }

        /** @param n failures in a row that quarantine a plugin, at least 1 @return this */
        public Builder maxConsecutiveFailures(int n) {
            once("maxConsecutiveFailures");
            this.maxConsecutiveFailures = atLeastOne("maxConsecutiveFailures", n);
            return this;
        }

        /** @param capacity pending callbacks per plugin, at least 1 @return this */
        public Builder queueCapacity(int capacity) {
            once("queueCapacity");
            this.queueCapacity = atLeastOne("queueCapacity", capacity);
            return this;
        }

        /** @param threads threads per plugin, at least 1 (more than 1 gives up event order) @return this */
        public Builder threadsPerPlugin(int threads) {
            once("threadsPerPlugin");
            this.threadsPerPlugin = atLeastOne("threadsPerPlugin", threads);
            return this;
        }

        /**
         * Allows a plugin these capabilities; it receives those its descriptor also asks for. A request for
         * {@code http:*} is granted the hosts given here.
         *
         * @param pluginId the plugin
         * @param capabilities e.g. {@code "events"}, {@code "http:hooks.slack.com"}
         * @return this
         * @throws IllegalArgumentException if a capability is not valid
         * @throws IllegalStateException if this plugin already has grants
         */
        public Builder grant(String pluginId, String... capabilities) {
            Set<Capability> caps = new LinkedHashSet<>();
            for (String c : capabilities) {
                caps.add(Capability.parse(c));
            }
            if (grants.putIfAbsent(Objects.requireNonNull(pluginId, "pluginId"), Set.copyOf(caps)) != null) {
                throw new IllegalStateException("grants of plugin '" + pluginId + "' were already set");
            }
            return this;
        }

        /**
         * @param pluginId the plugin
         * @param values its settings (not secrets: those go through {@link #secrets})
         * @return this
         * @throws IllegalStateException if this plugin already has settings
         */
        public Builder settings(String pluginId, Map<String, String> values) {
            if (settings.putIfAbsent(Objects.requireNonNull(pluginId, "pluginId"), Map.copyOf(values)) != null) {
                throw new IllegalStateException("settings of plugin '" + pluginId + "' were already set");
            }
            return this;
        }

        /** @param secrets where named secrets come from @return this */
        public Builder secrets(PluginSecrets secrets) {
            once("secrets");
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** @param audit the audit trail (for example an adapter to supervisor-auth's audit log) @return this */
        public Builder audit(PluginAuditSink audit) {
            once("audit");
            this.audit = Objects.requireNonNull(audit, "audit");
            return this;
        }

        /** @param store where enable/disable survives restarts @return this */
        public Builder stateStore(PluginStateStore store) {
            once("stateStore");
            this.stateStore = Objects.requireNonNull(store, "stateStore");
            return this;
        }

        /** @param client the client behind plugins' guarded clients; it should not follow redirects @return this */
        public Builder httpClient(HttpClient client) {
            once("httpClient");
            this.httpClient = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** @param loader the parent of plugin class loaders; must see {@code dev.supervisor.api} @return this */
        public Builder parentLoader(ClassLoader loader) {
            once("parentLoader");
            this.parentLoader = Objects.requireNonNull(loader, "parentLoader");
            return this;
        }

        /**
         * @param prefixes more package prefixes (e.g. {@code "com.acme.shared."}) that plugins load from the parent,
         *        so that host and plugins share their classes
         * @return this
         * @throws IllegalArgumentException if a prefix does not end with a dot
         */
        public Builder sharePackages(String... prefixes) {
            once("sharePackages");
            List<String> all = new java.util.ArrayList<>(shared);
            for (String p : prefixes) {
                if (!p.endsWith(".") || p.length() < 2) {
                    throw new IllegalArgumentException("sharePackages: '" + p + "' must be a package prefix ending"
                            + " with '.'");
                }
                all.add(p);
            }
            this.shared = List.copyOf(all);
            return this;
        }

        /** @param grace how long stopping waits for a plugin's threads, positive @return this */
        public Builder stopGrace(Duration grace) {
            once("stopGrace");
            this.stopGrace = positive("stopGrace", grace);
            return this;
        }

        /**
         * @return the config
         * @throws IllegalArgumentException if both a supervisor and a bus other than its own are set
         */
        public PluginHostConfig build() {
            if (directSupervisor != null && eventBus != null && eventBus != directSupervisor.events()) {
                throw new IllegalArgumentException("eventBus: a supervisor is set, and plugins must see its events;"
                        + " leave eventBus unset to use the supervisor's");
            }
            if (directSupervisor != null && eventBus == null) {
                eventBus = directSupervisor.events();
            }
            if (supervisor != null && eventBus == null) {
                throw new IllegalArgumentException("eventBus: required with a supervisor supplier, so that plugins"
                        + " see the supervisor's events (give both the same bus)");
            }
            return new PluginHostConfig(this);
        }
    }
}
