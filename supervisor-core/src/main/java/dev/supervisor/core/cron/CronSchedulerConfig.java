package dev.supervisor.core.cron;

import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.DelayScheduler;
import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable configuration of a {@link CronScheduler}.
 */
public final class CronSchedulerConfig {
    private final Clock clock;
    private final DelayScheduler timer;
    private final ScheduleStore store;
    private final boolean warmUp;

    private CronSchedulerConfig(Builder b) {
        this.clock = b.clock;
        this.timer = b.timer;
        this.store = b.store != null ? b.store : ScheduleStores.inMemory();
        this.warmUp = b.warmUp;
    }

    /** @return system clock, a dedicated timer thread, an in-memory store, warm-up on */
    public static CronSchedulerConfig defaults() {
        return builder().build();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the timer, or null for the scheduler's own daemon thread */
    public DelayScheduler timer() {
        return timer;
    }

    /** @return the state store */
    public ScheduleStore store() {
        return store;
    }

    /** @return whether the first scheduler of the JVM warms the fire path up in the background */
    public boolean warmUp() {
        return warmUp;
    }

    /** Builds a {@link CronSchedulerConfig}; each option may be set once. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private DelayScheduler timer;
        private ScheduleStore store;
        private boolean warmUp = true;
        private final Set<String> set = new HashSet<>();

        private Builder() {
        }

        /** @param clock time source (a {@link dev.supervisor.core.testing.ManualClock} in tests) @return this */
        public Builder clock(Clock clock) {
            once("clock", this.clock);
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param timer what wakes the scheduler; pass the same {@link dev.supervisor.core.testing.ManualClock} as
         *        the clock for deterministic tests
         * @return this
         */
        public Builder timer(DelayScheduler timer) {
            once("timer", this.timer);
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** @param store where schedule state lives (default in-memory) @return this */
        public Builder store(ScheduleStore store) {
            once("store", this.store);
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Whether the first scheduler created in the JVM warms its fire path up (default true): a background
         * daemon thread chains fire-time searches over varied expressions and hands some 15,000 fires of private
         * throwaway schedules (in-memory store, no-op targets) to the same code that serves real fires, taking a
         * few hundred milliseconds of one core once, so that the first due second after start runs compiled code
         * instead of the interpreter. Nothing of it is visible to this scheduler, its store or its targets.
         *
         * @param warmUp false to skip it (for example in a short-lived tool)
         * @return this
         */
        public Builder warmUp(boolean warmUp) {
            once("warmUp", this.warmUp);
            this.warmUp = warmUp;
            return this;
        }

        private void once(String option, Object current) {
            if (!set.add(option)) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
        }

        /** @return the config */
        public CronSchedulerConfig build() {
            return new CronSchedulerConfig(this);
        }
    }
}
