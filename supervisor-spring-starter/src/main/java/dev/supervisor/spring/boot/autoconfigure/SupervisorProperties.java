package dev.supervisor.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The engine, its store, cluster mode and the cron scheduler, under {@code supervisor.*}. Defaults are the
 * library's own; a bad value stops the application at start with a message naming the property.
 */
@ConfigurationProperties("supervisor")
public class SupervisorProperties {
    /** Whether to auto-configure Supervisor at all. */
    private boolean enabled = true;
    /** This node's id, the owner of its leases in cluster mode (default: generated at start). */
    private String nodeId;
    /** Most task attempts executing at once across all runs, 1 to 1,000,000. */
    private int maxConcurrency = 64;
    /** Most runs active at once; further submissions are rejected. */
    private int maxActiveRuns = 10_000;
    /** How long closing the application context waits for running tasks before cancelling them. */
    private Duration shutdownDeadline = Duration.ofSeconds(30);
    /** Time between asking an attempt to stop and interrupting its thread. */
    private Duration cancellationGrace = Duration.ofSeconds(1);
    /** Also load task handlers with java.util.ServiceLoader. */
    private boolean discoverHandlers = false;
    /** How many finished runs the engine keeps in memory for look-ups. */
    private int retainedFinishedRuns = 1000;
    /** Capacity of each asynchronous event subscriber's queue. */
    private int asyncEventQueueCapacity = 8192;
    /** Most attempts of a task type executing at once, by type. */
    private Map<String, Integer> typeLimits = new LinkedHashMap<>();
    /** Most attempts carrying a tag executing at once, by tag. */
    private Map<String, Integer> tagLimits = new LinkedHashMap<>();
    /** Where runs are kept: in memory (they end with the JVM) or in the application's DataSource. */
    private StoreType store = StoreType.MEMORY;
    private final Jdbc jdbc = new Jdbc();
    private final Cluster cluster = new Cluster();
    private final Cron cron = new Cron();

    /** Where runs and schedules are kept. */
    public enum StoreType {
        /** In this JVM only; the fastest. */
        MEMORY,
        /** In the application's DataSource (PostgreSQL or H2); runs survive restarts and can be shared. */
        JDBC
    }

    /** The JDBC stores ({@code supervisor.store=jdbc}). */
    public static class Jdbc {
        /** Apply pending schema migrations at start; when false, a database behind this version is refused. */
        private boolean initializeSchema = true;
        /** Finished runs kept in the database; older ones are deleted as new runs start. */
        private int maxRetainedRuns = 10_000;

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public int getMaxRetainedRuns() {
            return maxRetainedRuns;
        }

        public void setMaxRetainedRuns(int maxRetainedRuns) {
            this.maxRetainedRuns = maxRetainedRuns;
        }
    }

    /** Cluster mode: several applications share runs through the JDBC store. */
    public static class Cluster {
        /** Run as one node of a cluster on the shared store (needs supervisor.store=jdbc). */
        private boolean enabled = false;
        /** How long a claimed task and an owned run stay with a node that stops renewing them, 1 s to 1 h. */
        private Duration lease = Duration.ofSeconds(30);
        /** How often an idle node looks for work when the store cannot notify it, 1 ms to 10 s. */
        private Duration pollInterval = Duration.ofMillis(20);
        /** Most tasks claimed in one round trip, 1 to 1,000. */
        private int claimBatch = 256;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
        }

        public int getClaimBatch() {
            return claimBatch;
        }

        public void setClaimBatch(int claimBatch) {
            this.claimBatch = claimBatch;
        }
    }

    /** The cron scheduler; its schedules are the application's ScheduleSpec beans. */
    public static class Cron {
        /** Whether to auto-configure the cron scheduler. */
        private boolean enabled = true;
        /** Warm the fire path up in the background at start, so the first fires run compiled code. */
        private boolean warmUp = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isWarmUp() {
            return warmUp;
        }

        public void setWarmUp(boolean warmUp) {
            this.warmUp = warmUp;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getNodeId() {
        return nodeId;
    }

    public void setNodeId(String nodeId) {
        this.nodeId = nodeId;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public int getMaxActiveRuns() {
        return maxActiveRuns;
    }

    public void setMaxActiveRuns(int maxActiveRuns) {
        this.maxActiveRuns = maxActiveRuns;
    }

    public Duration getShutdownDeadline() {
        return shutdownDeadline;
    }

    public void setShutdownDeadline(Duration shutdownDeadline) {
        this.shutdownDeadline = shutdownDeadline;
    }

    public Duration getCancellationGrace() {
        return cancellationGrace;
    }

    public void setCancellationGrace(Duration cancellationGrace) {
        this.cancellationGrace = cancellationGrace;
    }

    public boolean isDiscoverHandlers() {
        return discoverHandlers;
    }

    public void setDiscoverHandlers(boolean discoverHandlers) {
        this.discoverHandlers = discoverHandlers;
    }

    public int getRetainedFinishedRuns() {
        return retainedFinishedRuns;
    }

    public void setRetainedFinishedRuns(int retainedFinishedRuns) {
        this.retainedFinishedRuns = retainedFinishedRuns;
    }

    public int getAsyncEventQueueCapacity() {
        return asyncEventQueueCapacity;
    }

    public void setAsyncEventQueueCapacity(int asyncEventQueueCapacity) {
        this.asyncEventQueueCapacity = asyncEventQueueCapacity;
    }

    public Map<String, Integer> getTypeLimits() {
        return typeLimits;
    }

    public void setTypeLimits(Map<String, Integer> typeLimits) {
        this.typeLimits = typeLimits;
    }

    public Map<String, Integer> getTagLimits() {
        return tagLimits;
    }

    public void setTagLimits(Map<String, Integer> tagLimits) {
        this.tagLimits = tagLimits;
    }

    public StoreType getStore() {
        return store;
    }

    public void setStore(StoreType store) {
        this.store = store;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Cluster getCluster() {
        return cluster;
    }

    public Cron getCron() {
        return cron;
    }
}
