package dev.supervisor.core.provider;

import dev.supervisor.api.Priority;
import dev.supervisor.api.provider.CapacityAdvisor;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.RoutingListener;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable configuration of a {@link ProviderRouter}. Build with {@link #builder()}; every option may be set once.
 */
public final class RouterConfig {

    /**
     * A registered provider with its routing weights.
     *
     * @param provider the provider
     * @param priority lower goes first under {@link RoutingStrategy#PRIORITY}
     * @param weight share under {@link RoutingStrategy#WEIGHTED}, at least 1
     */
    public record Entry(Provider provider, int priority, int weight) {
    }

    /**
     * A quota shared by several providers, e.g. one API key behind two deployments.
     *
     * @param name the quota's name in events (never the key itself)
     * @param limits its request and token limits (concurrency and context window are ignored)
     * @param providerIds the providers drawing on it
     */
    public record SharedQuota(String name, ProviderLimits limits, Set<String> providerIds) {
    }

    private final List<Entry> providers;
    private final RoutingStrategy strategy;
    private final int maxProviders;
    private final CircuitBreakerConfig circuitBreaker;
    private final List<SharedQuota> sharedQuotas;
    private final Map<Budget.Scope, Budget> budgets;
    private final Clock clock;
    private final ZoneId zone;
    private final ExhaustionPolicy exhaustion;
    private final Duration maxWait;
    private final Priority deferBelow;
    private final Duration defaultCooldown;
    private final Duration pollInterval;
    private final List<RoutingListener> listeners;
    private final CapacityAdvisor advisor;
    private final Waiter waiter;
    private final Currency currency;

    private RouterConfig(Builder b, Currency currency) {
        providers = List.copyOf(b.providers.values());
        strategy = b.strategy;
        maxProviders = b.maxProviders;
        circuitBreaker = b.circuitBreaker;
        sharedQuotas = List.copyOf(b.sharedQuotas);
        budgets = Map.copyOf(b.budgets);
        clock = b.clock;
        zone = b.zone;
        exhaustion = b.exhaustion;
        maxWait = b.maxWait;
        deferBelow = b.deferBelow;
        defaultCooldown = b.defaultCooldown;
        pollInterval = b.pollInterval;
        listeners = List.copyOf(b.listeners);
        advisor = b.advisor;
        waiter = b.waiter;
        this.currency = currency;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the providers in registration order */
    public List<Entry> providers() {
        return providers;
    }

    /** @return the strategy (default PRIORITY) */
    public RoutingStrategy strategy() {
        return strategy;
    }

    /** @return the most providers tried for one task (default 3) */
    public int maxProviders() {
        return maxProviders;
    }

    /** @return the circuit breaker settings of every provider */
    public CircuitBreakerConfig circuitBreaker() {
        return circuitBreaker;
    }

    /** @return quotas shared by several providers */
    public List<SharedQuota> sharedQuotas() {
        return sharedQuotas;
    }

    /** @return the budgets by scope */
    public Map<Budget.Scope, Budget> budgets() {
        return budgets;
    }

    /** @return the clock (default UTC system clock) */
    public Clock clock() {
        return clock;
    }

    /** @return the zone whose midnight resets daily quotas and budgets (default UTC) */
    public ZoneId zone() {
        return zone;
    }

    /** @return what to do when every eligible provider is blocked for longer than {@link #maxWait()} */
    public ExhaustionPolicy exhaustion() {
        return exhaustion;
    }

    /** @return blocks up to this long are waited out (default 60 s) */
    public Duration maxWait() {
        return maxWait;
    }

    /** @return under {@link ExhaustionPolicy#DEFER}, tasks below this priority are deferred (default CRITICAL) */
    public Priority deferBelow() {
        return deferBelow;
    }

    /** @return cooldown after a rate limit or overload without retry-after (default 60 s) */
    public Duration defaultCooldown() {
        return defaultCooldown;
    }

    /** @return how long to wait when providers are only busy, with no known free time (default 1 s) */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** @return the listeners */
    public List<RoutingListener> listeners() {
        return listeners;
    }

    /** @return the capacity advisor, or null */
    public CapacityAdvisor advisor() {
        return advisor;
    }

    /** @return the waiter of blocking routes, or null for the default real-time one */
    public Waiter waiter() {
        return waiter;
    }

    /** @return the one currency of every provider and budget */
    public Currency currency() {
        return currency;
    }

    @Override
    public String toString() {
        return "RouterConfig{providers=" + providers.stream().map(e -> e.provider().id()).toList() + ", strategy="
                + strategy + ", maxProviders=" + maxProviders + ", exhaustion=" + exhaustion + ", maxWait=" + maxWait
                + ", budgets=" + budgets.values() + "}";
    }

    /** Fail-fast builder of {@link RouterConfig}; cross-field checks in {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Entry> providers = new LinkedHashMap<>();
        private RoutingStrategy strategy = RoutingStrategy.PRIORITY;
        private int maxProviders = 3;
        private CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.ofDefaults();
        private final List<SharedQuota> sharedQuotas = new ArrayList<>();
        private final Map<Budget.Scope, Budget> budgets = new EnumMap<>(Budget.Scope.class);
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private ExhaustionPolicy exhaustion = ExhaustionPolicy.WAIT;
        private Duration maxWait = Duration.ofSeconds(60);
        private Priority deferBelow = Priority.CRITICAL;
        private Duration defaultCooldown = Duration.ofSeconds(60);
        private Duration pollInterval = Duration.ofSeconds(1);
        private final List<RoutingListener> listeners = new ArrayList<>();
        private CapacityAdvisor advisor;
        private Waiter waiter;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        private void once(String option) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set");
            }
        }

        /** @param provider a provider with priority 1 and weight 1 @return this builder */
        public Builder provider(Provider provider) {
            return provider(provider, providers.size() + 1, 1);
        }

        /**
         * @param provider a provider
         * @param priority lower goes first under PRIORITY
         * @param weight share under WEIGHTED, at least 1
         * @return this builder
         * @throws IllegalStateException if a provider with the same id was registered
         */
        public Builder provider(Provider provider, int priority, int weight) {
            Objects.requireNonNull(provider, "provider");
            String id = Objects.requireNonNull(provider.id(), "provider id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("provider id must not be blank");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("weight of provider '" + id + "' must be at least 1 but was "
                        + weight);
            }
            if (providers.containsKey(id)) {
                throw new IllegalStateException("provider '" + id + "' was already registered");
            }
            Objects.requireNonNull(provider.costModel(), "cost model of provider '" + id + "'");
            providers.put(id, new Entry(provider, priority, weight));
            return this;
        }

        /** @param strategy the strategy @return this builder */
        public Builder strategy(RoutingStrategy strategy) {
            once("strategy");
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** @param n most providers tried per task, 1 to 64 @return this builder */
        public Builder maxProviders(int n) {
            once("maxProviders");
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("maxProviders must be between 1 and 64 but was " + n);
            }
            this.maxProviders = n;
            return this;
        }

        /** @param config circuit breaker settings @return this builder */
        public Builder circuitBreaker(CircuitBreakerConfig config) {
            once("circuitBreaker");
            this.circuitBreaker = Objects.requireNonNull(config, "circuitBreaker");
            return this;
        }

        /**
         * @param name the quota's name in events
         * @param limits its request and token limits
         * @param providerIds the providers drawing on it (checked in {@link #build()})
         * @return this builder
         */
        public Builder sharedQuota(String name, ProviderLimits limits, String... providerIds) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("shared quota name must not be blank");
            }
            if (providerIds.length == 0) {
                throw new IllegalArgumentException("shared quota '" + name + "' needs at least one provider");
            }
            sharedQuotas.add(new SharedQuota(name, Objects.requireNonNull(limits, "limits"), Set.of(providerIds)));
            return this;
        }

        /** @param budget a cap; one per scope @return this builder */
        public Builder budget(Budget budget) {
            Objects.requireNonNull(budget, "budget");
            if (budgets.putIfAbsent(budget.scope(), budget) != null) {
                throw new IllegalStateException("budget " + budget.scope() + " was already set");
            }
            return this;
        }

        /** @param clock the clock @return this builder */
        public Builder clock(Clock clock) {
            once("clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @param zone zone of daily resets @return this builder */
        public Builder zone(ZoneId zone) {
            once("zone");
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** @param policy what to do at exhaustion @return this builder */
        public Builder exhaustion(ExhaustionPolicy policy) {
            once("exhaustion");
            this.exhaustion = Objects.requireNonNull(policy, "exhaustion");
            return this;
        }

        /** @param d longest block waited out, zero or positive @return this builder */
        public Builder maxWait(Duration d) {
            once("maxWait");
            this.maxWait = nonNegative("maxWait", d);
            return this;
        }

        /** @param p under DEFER, tasks below this priority are deferred @return this builder */
        public Builder deferBelow(Priority p) {
            once("deferBelow");
            this.deferBelow = Objects.requireNonNull(p, "deferBelow");
            return this;
        }

        /** @param d cooldown without retry-after, positive @return this builder */
        public Builder defaultCooldown(Duration d) {
            once("defaultCooldown");
            this.defaultCooldown = positive("defaultCooldown", d);
            return this;
        }

        /** @param d wait when providers are only busy, positive @return this builder */
        public Builder pollInterval(Duration d) {
            once("pollInterval");
            this.pollInterval = positive("pollInterval", d);
            return this;
        }

        /** @param listener receives every routing event @return this builder */
        public Builder listener(RoutingListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @param advisor predictions for deadlines; fed every finished call @return this builder */
        public Builder advisor(CapacityAdvisor advisor) {
            once("advisor");
            this.advisor = Objects.requireNonNull(advisor, "advisor");
            return this;
        }

        /** @param waiter how blocking routes wait @return this builder */
        public Builder waiter(Waiter waiter) {
            once("waiter");
            this.waiter = Objects.requireNonNull(waiter, "waiter");
            return this;
        }

        private static Duration nonNegative(String option, Duration d) {
            Objects.requireNonNull(d, option);
            if (d.isNegative()) {
                throw new IllegalArgumentException(option + " must not be negative but was " + d);
            }
            return d;
        }

        private static Duration positive(String option, Duration d) {
            if (nonNegative(option, d).isZero()) {
                throw new IllegalArgumentException(option + " must be positive but was " + d);
            }
            return d;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException without providers, with mixed currencies, or with a shared quota naming
         *                                  an unknown provider
         */
        public RouterConfig build() {
            if (providers.isEmpty()) {
                throw new IllegalArgumentException("a router needs at least one provider");
            }
            Currency currency = null;
            for (Entry e : providers.values()) {
                Currency c = e.provider().costModel().currency();
                if (currency != null && !currency.equals(c)) {
                    throw new IllegalArgumentException("provider '" + e.provider().id() + "' prices in " + c
                            + " but others in " + currency + "; a router uses one currency");
                }
                currency = c;
            }
            for (Budget b : budgets.values()) {
                if (!b.limit().currency().equals(currency)) {
                    throw new IllegalArgumentException("budget " + b.scope() + " is in " + b.limit().currency()
                            + " but providers price in " + currency);
                }
            }
            for (SharedQuota q : sharedQuotas) {
                for (String id : q.providerIds()) {
                    if (!providers.containsKey(id)) {
                        throw new IllegalArgumentException("shared quota '" + q.name() + "' names unknown provider '"
                                + id + "'");
                    }
                }
            }
            return new RouterConfig(this, currency);
        }
    }
}
