package dev.supervisor.spring.boot.autoconfigure.provider;

import dev.supervisor.api.Priority;
import dev.supervisor.core.provider.ExhaustionPolicy;
import dev.supervisor.core.provider.RoutingStrategy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Providers (AI coding agents and model APIs) and the router that picks one per task, under
 * {@code supervisor.providers.*}: each entry of {@code instances} is a provider, and the task types listed in
 * {@code task-types} run through the router. Defaults are the library's.
 */
@ConfigurationProperties("supervisor.providers")
public class ProviderProperties {
    /** Whether to configure the router from these properties and the application's Provider beans. */
    private boolean enabled = true;
    /** Task types whose tasks run through the router (each task's config key "prompt" is the prompt). */
    private List<String> taskTypes = new ArrayList<>();
    /** How a provider is chosen among the eligible ones. */
    private RoutingStrategy strategy = RoutingStrategy.PRIORITY;
    /** Most providers tried for one task (failover), at least 1. */
    private int maxProviders = 3;
    /** How long a task waits for a provider to free up before the exhaustion policy applies. */
    private Duration maxWait = Duration.ofSeconds(60);
    /** Cooldown after a rate limit or overload that came without a retry-after. */
    private Duration defaultCooldown = Duration.ofSeconds(60);
    /** What happens when every eligible provider is blocked beyond max-wait. */
    private ExhaustionPolicy exhaustion = ExhaustionPolicy.WAIT;
    /** With exhaustion DEFER, tasks below this priority are handed back with a retry time. */
    private Priority deferBelow = Priority.CRITICAL;
    /** Zone in which daily quotas and budgets reset at midnight. */
    private ZoneId zone = ZoneId.of("Z");
    private final Breaker circuitBreaker = new Breaker();
    private final Budgets budget = new Budgets();
    /** The providers, by id. */
    private Map<String, ProviderInstance> instances = new LinkedHashMap<>();

    /** The circuit breaker each provider gets. */
    public static class Breaker {
        /** Health failures in a row that open the circuit. */
        private int consecutiveFailures = 5;
        /** Failure rate over the window that opens the circuit, in (0, 1]. */
        private double failureRate = 0.5;
        /** Calls in the sliding window. */
        private int windowSize = 20;
        /** Calls in the window before the failure rate counts. */
        private int minimumCalls = 10;
        /** How long an open circuit refuses calls before a trial. */
        private Duration openDuration = Duration.ofSeconds(300);
        /** Trial calls that decide a half-open circuit. */
        private int halfOpenCalls = 1;

        public int getConsecutiveFailures() {
            return consecutiveFailures;
        }

        public void setConsecutiveFailures(int consecutiveFailures) {
            this.consecutiveFailures = consecutiveFailures;
        }

        public double getFailureRate() {
            return failureRate;
        }

        public void setFailureRate(double failureRate) {
            this.failureRate = failureRate;
        }

        public int getWindowSize() {
            return windowSize;
        }

        public void setWindowSize(int windowSize) {
            this.windowSize = windowSize;
        }

        public int getMinimumCalls() {
            return minimumCalls;
        }

        public void setMinimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
        }

        public Duration getOpenDuration() {
            return openDuration;
        }

        public void setOpenDuration(Duration openDuration) {
            this.openDuration = openDuration;
        }

        public int getHalfOpenCalls() {
            return halfOpenCalls;
        }

        public void setHalfOpenCalls(int halfOpenCalls) {
            this.halfOpenCalls = halfOpenCalls;
        }
    }

    /** Spending limits enforced before each call (unset: no limit). */
    public static class Budgets {
        /** Currency of the budgets (and of the costs they are compared with). */
        private String currency = "USD";
        /** Most money one run may spend. */
        private BigDecimal perRun;
        /** Most money one workflow may spend. */
        private BigDecimal perWorkflow;
        /** Most money one tenant may spend. */
        private BigDecimal perTenant;
        /** Most money spent per day. */
        private BigDecimal perDay;

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }

        public BigDecimal getPerRun() {
            return perRun;
        }

        public void setPerRun(BigDecimal perRun) {
            this.perRun = perRun;
        }

        public BigDecimal getPerWorkflow() {
            return perWorkflow;
        }

        public void setPerWorkflow(BigDecimal perWorkflow) {
            this.perWorkflow = perWorkflow;
        }

        public BigDecimal getPerTenant() {
            return perTenant;
        }

        public void setPerTenant(BigDecimal perTenant) {
            this.perTenant = perTenant;
        }

        public BigDecimal getPerDay() {
            return perDay;
        }

        public void setPerDay(BigDecimal perDay) {
            this.perDay = perDay;
        }
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getTaskTypes() {
        return taskTypes;
    }

    public void setTaskTypes(List<String> taskTypes) {
        this.taskTypes = taskTypes;
    }

    public RoutingStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(RoutingStrategy strategy) {
        this.strategy = strategy;
    }

    public int getMaxProviders() {
        return maxProviders;
    }

    public void setMaxProviders(int maxProviders) {
        this.maxProviders = maxProviders;
    }

    public Duration getMaxWait() {
        return maxWait;
    }

    public void setMaxWait(Duration maxWait) {
        this.maxWait = maxWait;
    }

    public Duration getDefaultCooldown() {
        return defaultCooldown;
    }

    public void setDefaultCooldown(Duration defaultCooldown) {
        this.defaultCooldown = defaultCooldown;
    }

    public ExhaustionPolicy getExhaustion() {
        return exhaustion;
    }

    public void setExhaustion(ExhaustionPolicy exhaustion) {
        this.exhaustion = exhaustion;
    }

    public Priority getDeferBelow() {
        return deferBelow;
    }

    public void setDeferBelow(Priority deferBelow) {
        this.deferBelow = deferBelow;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public Breaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public Budgets getBudget() {
        return budget;
    }

    public Map<String, ProviderInstance> getInstances() {
        return instances;
    }

    public void setInstances(Map<String, ProviderInstance> instances) {
        this.instances = instances;
    }
}
