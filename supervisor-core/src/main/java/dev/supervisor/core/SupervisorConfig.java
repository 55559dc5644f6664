package dev.supervisor.core;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.expr.ExpressionConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Immutable configuration of a {@link Supervisor}. Build with {@link #builder()}; every option can be set once,
 * and a bad value fails at once with an {@link IllegalArgumentException} naming it.
 */
public final class SupervisorConfig {
    private final Clock clock;
    private final Executor executor;
    private final DelayScheduler delayScheduler;
    private final RunStore runStore;
    private final EventBus eventBus;
    private final int maxConcurrency;
    private final int maxActiveRuns;
    private final Map<TaskType, Integer> typeLimits;
    private final Map<String, Integer> tagLimits;
    private final Map<TaskType, TaskHandler> handlers;
    private final boolean discoverHandlers;
    private final int asyncEventQueueCapacity;
    private final Duration cancellationGrace;
    private final Duration shutdownDeadline;
    private final String nodeId;
    private final long randomSeed;
    private final int retainedFinishedRuns;
    private final ExpressionConfig expressionConfig;
    private final ClusterConfig cluster;
    private final java.util.List<dev.supervisor.api.spi.AttemptInterceptor> interceptors;

    private SupervisorConfig(SupervisorConfigBuilder b) {
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.executor = b.executor;
        this.delayScheduler = b.delayScheduler;
        this.runStore = b.runStore;
        this.eventBus = b.eventBus;
        this.maxConcurrency = b.maxConcurrency == null ? 64 : b.maxConcurrency;
        this.maxActiveRuns = b.maxActiveRuns == null ? 10_000 : b.maxActiveRuns;
        this.typeLimits = Map.copyOf(b.typeLimits);
        this.tagLimits = Map.copyOf(b.tagLimits);
        this.handlers = Map.copyOf(b.handlers);
        this.discoverHandlers = b.discoverHandlers != null && b.discoverHandlers;
        this.asyncEventQueueCapacity = b.asyncEventQueueCapacity == null ? 8192 : b.asyncEventQueueCapacity;
        this.cancellationGrace = b.cancellationGrace == null ? Duration.ofSeconds(1) : b.cancellationGrace;
        this.shutdownDeadline = b.shutdownDeadline == null ? Duration.ofSeconds(30) : b.shutdownDeadline;
        this.nodeId = b.nodeId;
        this.randomSeed = b.randomSeed == null ? System.nanoTime() : b.randomSeed;
        this.retainedFinishedRuns = b.retainedFinishedRuns == null ? 1000 : b.retainedFinishedRuns;
        this.expressionConfig = b.expressionConfig == null ? ExpressionConfig.ofDefaults() : b.expressionConfig;
        this.cluster = b.cluster;
        this.interceptors = java.util.List.copyOf(b.interceptors);
        if (cluster != null && runStore == null) {
            throw new IllegalArgumentException("cluster mode needs a run store that the nodes share (runStore)");
        }
    }

    /** @return a new builder */
    public static SupervisorConfigBuilder builder() {
        return new SupervisorConfigBuilder();
    }

    /** @return a configuration with every default and no handlers */
    public static SupervisorConfig ofDefaults() {
        return builder().build();
    }

    /** @return the clock used for timestamps, timeouts and back-off */
    public Clock clock() {
        return clock;
    }

    /** @return the executor that runs task attempts; empty means the supervisor owns a bounded pool */
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /** @return the delay scheduler; empty means the supervisor owns a daemon scheduler thread */
    public Optional<DelayScheduler> delayScheduler() {
        return Optional.ofNullable(delayScheduler);
    }

    /** @return the run store; empty means a fresh in-memory store */
    public Optional<RunStore> runStore() {
        return Optional.ofNullable(runStore);
    }

    /** @return the event bus; empty means a default bus */
    public Optional<EventBus> eventBus() {
        return Optional.ofNullable(eventBus);
    }

    /** @return most attempts executing at once across all runs */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** @return most runs active at once; further submissions are rejected */
    public int maxActiveRuns() {
        return maxActiveRuns;
    }

    /** @return per task type concurrency limits */
    public Map<TaskType, Integer> typeLimits() {
        return typeLimits;
    }

    /** @return per tag concurrency limits */
    public Map<String, Integer> tagLimits() {
        return tagLimits;
    }

    /** @return explicitly registered handlers by type */
    public Map<TaskType, TaskHandler> handlers() {
        return handlers;
    }

    /** @return true if handlers are also discovered with {@link java.util.ServiceLoader} */
    public boolean discoverHandlers() {
        return discoverHandlers;
    }

    /** @return capacity of each asynchronous subscriber's queue in the default event bus */
    public int asyncEventQueueCapacity() {
        return asyncEventQueueCapacity;
    }

    /** @return time between asking an attempt to stop and interrupting its thread */
    public Duration cancellationGrace() {
        return cancellationGrace;
    }

    /** @return default deadline of {@link Supervisor#close()} */
    public Duration shutdownDeadline() {
        return shutdownDeadline;
    }

    /**
     * @return this node's id (lease owner, event author); empty means each supervisor made from this configuration
     *         names itself uniquely (process id and a random part)
     */
    public Optional<String> nodeId() {
        return Optional.ofNullable(nodeId);
    }

    /** @return seed of the jitter random source */
    public long randomSeed() {
        return randomSeed;
    }

    /**
     * @return how many finished runs are kept in memory for {@link Supervisor#run(String)} (with a store, older ones
     *     are read from it)
     */
    public int retainedFinishedRuns() {
        return retainedFinishedRuns;
    }

    /**
     * @return limits, host functions and accessors of task conditions and edge expressions (their clock is replaced
     *         by {@link #clock()})
     */
    public ExpressionConfig expressionConfig() {
        return expressionConfig;
    }

    /**
     * @return cluster mode, if configured: the node claims ready tasks from its store (which must offer
     *         {@link dev.supervisor.api.spi.TaskClaims}) and shares runs with the other nodes on it
     */
    public Optional<ClusterConfig> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** @return the interceptors around every attempt, outermost first */
    public java.util.List<dev.supervisor.api.spi.AttemptInterceptor> interceptors() {
        return interceptors;
    }

    @Override
    public String toString() {
        return "SupervisorConfig{maxConcurrency=" + maxConcurrency + ", maxActiveRuns=" + maxActiveRuns
                + ", typeLimits=" + typeLimits + ", tagLimits=" + tagLimits + ", handlers=" + handlers.keySet()
                + ", discoverHandlers=" + discoverHandlers + ", nodeId=" + nodeId
                + (cluster == null ? "" : ", cluster=" + cluster) + "}";
    }

    /**
     * Fail-fast builder of {@link SupervisorConfig}.
     */
    public static final class SupervisorConfigBuilder {
        private Clock clock;
        private Executor executor;
        private DelayScheduler delayScheduler;
        private RunStore runStore;
        private EventBus eventBus;
        private Integer maxConcurrency;
        private Integer maxActiveRuns;
        private final Map<TaskType, Integer> typeLimits = new LinkedHashMap<>();
        private final Map<String, Integer> tagLimits = new LinkedHashMap<>();
        private final Map<TaskType, TaskHandler> handlers = new LinkedHashMap<>();
        private Boolean discoverHandlers;
        private Integer asyncEventQueueCapacity;
        private Duration cancellationGrace;
        private Duration shutdownDeadline;
        private String nodeId;
        private Long randomSeed;
        private Integer retainedFinishedRuns;
        private ExpressionConfig expressionConfig;
        private ClusterConfig cluster;
        private final java.util.List<dev.supervisor.api.spi.AttemptInterceptor> interceptors =
                new java.util.ArrayList<>();

        private SupervisorConfigBuilder() {
        }

        /**
         * @param clock the clock
         * @return this builder
         */
        public SupervisorConfigBuilder clock(Clock clock) {
            once("clock", this.clock);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param executor runs task attempts (a virtual-thread executor works on Java 21+); not shut down by the
         *                 supervisor
         * @return this builder
         */
        public SupervisorConfigBuilder executor(Executor executor) {
            once("executor", this.executor);
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param delayScheduler runs delayed actions (retries, timeouts)
         * @return this builder
         */
        public SupervisorConfigBuilder delayScheduler(DelayScheduler delayScheduler) {
            once("delayScheduler", this.delayScheduler);
            this.delayScheduler = Objects.requireNonNull(delayScheduler, "delayScheduler");
            return this;
        }

        /**
         * @param runStore where every transition is stored
         * @return this builder
         */
        public SupervisorConfigBuilder runStore(RunStore runStore) {
            once("runStore", this.runStore);
            this.runStore = Objects.requireNonNull(runStore, "runStore");
            return this;
        }

        /**
         * @param eventBus the bus events are published on
         * @return this builder
         */
        public SupervisorConfigBuilder eventBus(EventBus eventBus) {
            once("eventBus", this.eventBus);
            this.eventBus = Objects.requireNonNull(eventBus, "eventBus");
            return this;
        }

        /**
         * @param maxConcurrency most attempts executing at once across all runs, 1 to 1,000,000 (default 64)
         * @return this builder
         */
        public SupervisorConfigBuilder maxConcurrency(int maxConcurrency) {
            once("maxConcurrency", this.maxConcurrency);
            this.maxConcurrency = range("maxConcurrency", maxConcurrency, 1, 1_000_000);
            return this;
        }

        /**
         * @param maxActiveRuns most runs active at once, 1 to 10,000,000 (default 10,000)
         * @return this builder
         */
        public SupervisorConfigBuilder maxActiveRuns(int maxActiveRuns) {
            once("maxActiveRuns", this.maxActiveRuns);
            this.maxActiveRuns = range("maxActiveRuns", maxActiveRuns, 1, 10_000_000);
            return this;
        }

        /**
         * @param type a task type
         * @param limit most attempts of that type executing at once, positive
         * @return this builder
         */
        public SupervisorConfigBuilder typeLimit(TaskType type, int limit) {
            Objects.requireNonNull(type, "type");
            if (typeLimits.containsKey(type)) {
                throw new IllegalStateException("typeLimit for " + type + " was already set to "
                        + typeLimits.get(type));
            }
            typeLimits.put(type, range("typeLimit(" + type + ")", limit, 1, 1_000_000));
            return this;
        }

        /**
         * @param tag a task tag
         * @param limit most attempts with that tag executing at once, positive
         * @return this builder
         */
        public SupervisorConfigBuilder tagLimit(String tag, int limit) {
            Objects.requireNonNull(tag, "tag");
            if (tagLimits.containsKey(tag)) {
                throw new IllegalStateException("tagLimit for " + tag + " was already set to " + tagLimits.get(tag));
            }
            tagLimits.put(tag, range("tagLimit(" + tag + ")", limit, 1, 1_000_000));
            return this;
        }

        /**
         * @param type a task type
         * @param handler runs tasks of that type
         * @return this builder
         */
        public SupervisorConfigBuilder handler(TaskType type, TaskHandler handler) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(handler, "handler");
            if (handlers.containsKey(type)) {
                throw new IllegalStateException("a handler for " + type + " was already registered");
            }
            handlers.put(type, handler);
            return this;
        }

        /**
         * @param type a task type name
         * @param handler runs tasks of that type
         * @return this builder
         */
        public SupervisorConfigBuilder handler(String type, TaskHandler handler) {
            return handler(TaskType.of(type), handler);
        }

        /**
         * @param discover true to also load {@link TaskHandler}s with {@link java.util.ServiceLoader}
         * @return this builder
         */
        public SupervisorConfigBuilder discoverHandlers(boolean discover) {
            once("discoverHandlers", this.discoverHandlers);
            this.discoverHandlers = discover;
            return this;
        }

        /**
         * @param capacity capacity of each async subscriber's queue in the default bus, 1 to 10,000,000
         * @return this builder
         */
        public SupervisorConfigBuilder asyncEventQueueCapacity(int capacity) {
            once("asyncEventQueueCapacity", this.asyncEventQueueCapacity);
            this.asyncEventQueueCapacity = range("asyncEventQueueCapacity", capacity, 1, 10_000_000);
            return this;
        }

        /**
         * @param grace time between asking an attempt to stop and interrupting it, zero or positive
         * @return this builder
         */
        public SupervisorConfigBuilder cancellationGrace(Duration grace) {
            once("cancellationGrace", this.cancellationGrace);
            this.cancellationGrace = nonNegative("cancellationGrace", grace);
            return this;
        }

        /**
         * @param deadline default deadline of {@link Supervisor#close()}, zero or positive
         * @return this builder
         */
        public SupervisorConfigBuilder shutdownDeadline(Duration deadline) {
            once("shutdownDeadline", this.shutdownDeadline);
            this.shutdownDeadline = nonNegative("shutdownDeadline", deadline);
            return this;
        }

        /**
         * @param nodeId this node's id (lease owner), 1 to 200 characters
         * @return this builder
         */
        public SupervisorConfigBuilder nodeId(String nodeId) {
            once("nodeId", this.nodeId);
            Objects.requireNonNull(nodeId, "nodeId");
            if (nodeId.isBlank() || nodeId.length() > 200) {
                throw new IllegalArgumentException("nodeId must be 1-200 non-blank characters but was '" + nodeId
                        + "'");
            }
            this.nodeId = nodeId;
            return this;
        }

        /**
         * @param seed seed of the jitter random source (for reproducible tests)
         * @return this builder
         */
        public SupervisorConfigBuilder randomSeed(long seed) {
            once("randomSeed", this.randomSeed);
            this.randomSeed = seed;
            return this;
        }

        /**
         * @param count how many finished runs are kept in memory for {@link Supervisor#run(String)} (with a store,
         *     older ones are read from it), 0 to 1,000,000
         * @return this builder
         */
        public SupervisorConfigBuilder retainedFinishedRuns(int count) {
            once("retainedFinishedRuns", this.retainedFinishedRuns);
            this.retainedFinishedRuns = range("retainedFinishedRuns", count, 0, 1_000_000);
            return this;
        }

        /**
         * @param config limits, host functions and accessors for conditions and edge expressions
         * @return this builder
         */
        public SupervisorConfigBuilder expressions(ExpressionConfig config) {
            once("expressions", this.expressionConfig);
            this.expressionConfig = Objects.requireNonNull(config, "expressions");
            return this;
        }

        /**
         * Adds an interceptor around every attempt (tracing, timing, context); interceptors run in the order they
         * were added, the first outermost.
         *
         * @param interceptor the interceptor
         * @return this builder
         */
        public SupervisorConfigBuilder interceptor(dev.supervisor.api.spi.AttemptInterceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /**
         * Runs this supervisor as one node of a cluster on its {@link #runStore run store}. Changing a supervisor
         * into a cluster node takes nothing else: every workflow, handler and feature works the same.
         *
         * @param cluster lease and polling settings ({@link ClusterConfig#ofDefaults()} fits most)
         * @return this builder
         */
        public SupervisorConfigBuilder cluster(ClusterConfig cluster) {
            once("cluster", this.cluster);
            this.cluster = Objects.requireNonNull(cluster, "cluster");
            return this;
        }

        /**
         * @return the immutable configuration
         * @throws IllegalArgumentException if cluster mode is asked for without a run store
         */
        public SupervisorConfig build() {
            return new SupervisorConfig(this);
        }

        private static void once(String option, Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
        }

        private static int range(String option, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be in [" + min + ", " + max + "] but was "
                        + value);
            }
            return value;
        }

        private static Duration nonNegative(String option, Duration d) {
            Objects.requireNonNull(d, option);
            if (d.isNegative()) {
                throw new IllegalArgumentException(option + " must not be negative but was " + d);
            }
            return d;
        }
    }
}
