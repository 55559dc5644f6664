package dev.supervisor.core.cron;

import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.DelayScheduler;
import java.time.Clock;
import java.util.Objects;

/**
 * Immutable configuration of a {@link CronScheduler}.
 */
public final class CronSchedulerConfig {
    private final Clock clock;
    private final DelayScheduler timer;
    private final ScheduleStore store;

    private CronSchedulerConfig(Builder b) {
        this.clock = b.clock;
        this.timer = b.timer;
        this.store = b.store != null ? b.store : ScheduleStores.inMemory();
    }

    /** @return system clock, a dedicated timer thread, an in-memory store */
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

    /** Builds a {@link CronSchedulerConfig}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private DelayScheduler timer;
        private ScheduleStore store;

        private Builder() {
        }

        /** @param clock time source (a {@link dev.supervisor.core.testing.ManualClock} in tests) @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param timer what wakes the scheduler; pass the same {@link dev.supervisor.core.testing.ManualClock} as
         *        the clock for deterministic tests
         * @return this
         */
        public Builder timer(DelayScheduler timer) {
            this.timer = Objects.requireNonNull(timer, "timer");
            return this;
        }

        /** @param store where schedule state lives (default in-memory) @return this */
        public Builder store(ScheduleStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** @return the config */
        public CronSchedulerConfig build() {
            return new CronSchedulerConfig(this);
        }
    }
}
