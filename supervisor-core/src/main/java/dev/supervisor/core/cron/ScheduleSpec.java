package dev.supervisor.core.cron;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An immutable schedule definition: when ({@link CronSchedule}), what ({@link ScheduleTarget}) and the runtime
 * policies. Build with {@link #builder(String, CronSchedule, ScheduleTarget)}.
 */
public final class ScheduleSpec {
    private static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(60);
    private final String id;
    private final CronSchedule schedule;
    private final ScheduleTarget target;
    private final MisfirePolicy misfirePolicy;
    private final Duration misfireThreshold;
    private final OverlapPolicy overlapPolicy;
    private final Instant startAt;
    private final Instant endAt;
    private final Duration jitter;

    private ScheduleSpec(Builder b) {
        this.id = b.id;
        this.schedule = b.schedule;
        this.target = b.target;
        this.misfirePolicy = b.misfirePolicy;
        this.misfireThreshold = b.misfireThreshold;
        this.overlapPolicy = b.overlapPolicy;
        this.startAt = b.startAt;
        this.endAt = b.endAt;
        this.jitter = b.jitter;
    }

    /**
     * @param id unique per scheduler (and per shared store): 1–200 characters, no control characters
     * @param schedule when it fires
     * @param target what each fire starts
     * @return a builder with the defaults: FIRE_ONCE_NOW, threshold 60 s, overlap SKIP, no window, no jitter
     */
    public static Builder builder(String id, CronSchedule schedule, ScheduleTarget target) {
        return new Builder(id, schedule, target);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return when it fires */
    public CronSchedule schedule() {
        return schedule;
    }

    /** @return what it starts */
    public ScheduleTarget target() {
        return target;
    }

    /** @return how missed fires are handled */
    public MisfirePolicy misfirePolicy() {
        return misfirePolicy;
    }

    /** @return how late a fire may be before it counts as missed */
    public Duration misfireThreshold() {
        return misfireThreshold;
    }

    /** @return what happens when a fire is due while the previous one runs */
    public OverlapPolicy overlapPolicy() {
        return overlapPolicy;
    }

    /** @return no fire before this instant, or null */
    public Instant startAt() {
        return startAt;
    }

    /** @return no fire after this instant, or null; the schedule completes once past it */
    public Instant endAt() {
        return endAt;
    }

    /** @return the maximum extra delay added to each fire (deterministic per schedule and instant) */
    public Duration jitter() {
        return jitter;
    }

    /**
     * @return a text identifying everything that decides fire times, stored with the state so that a changed
     *         definition is noticed after a restart
     */
    public String fingerprint() {
        CronExpression e = schedule.expression();
        return e.dialect() + "|" + e.text() + "|" + schedule.zone().getId() + "|" + schedule.gapPolicy() + "|"
                + schedule.overlapPolicy() + "|" + startAt + "|" + endAt;
    }

    @Override
    public String toString() {
        return "schedule '" + id + "' " + schedule;
    }

    /** Builds a {@link ScheduleSpec}; setters reject bad values at once. */
    public static final class Builder {
        private final String id;
        private final CronSchedule schedule;
        private final ScheduleTarget target;
        private MisfirePolicy misfirePolicy = MisfirePolicy.fireOnceNow();
        private Duration misfireThreshold = DEFAULT_THRESHOLD;
        private OverlapPolicy overlapPolicy = OverlapPolicy.SKIP;
        private Instant startAt;
        private Instant endAt;
        private Duration jitter = Duration.ZERO;

        private Builder(String id, CronSchedule schedule, ScheduleTarget target) {
            Objects.requireNonNull(id, "id");
            if (id.isEmpty() || id.length() > 200 || id.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("schedule id must be 1-200 characters without control "
                        + "characters but was '" + id + "'");
            }
            this.id = id;
            this.schedule = Objects.requireNonNull(schedule, "schedule");
            this.target = Objects.requireNonNull(target, "target");
        }

        /** @param policy missed-fire handling @return this */
        public Builder misfirePolicy(MisfirePolicy policy) {
            this.misfirePolicy = Objects.requireNonNull(policy, "misfirePolicy");
            return this;
        }

        /** @param threshold lateness before a fire counts as missed; zero or positive @return this */
        public Builder misfireThreshold(Duration threshold) {
            Objects.requireNonNull(threshold, "misfireThreshold");
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("misfireThreshold must not be negative but was " + threshold);
            }
            this.misfireThreshold = threshold;
            return this;
        }

        /** @param policy overlap handling @return this */
        public Builder overlapPolicy(OverlapPolicy policy) {
            this.overlapPolicy = Objects.requireNonNull(policy, "overlapPolicy");
            return this;
        }

        /** @param start no fire before this instant @return this */
        public Builder startAt(Instant start) {
            this.startAt = Objects.requireNonNull(start, "startAt");
            return this;
        }

        /** @param end no fire after this instant @return this */
        public Builder endAt(Instant end) {
            this.endAt = Objects.requireNonNull(end, "endAt");
            return this;
        }

        /** @param maxJitter extra delay per fire, 0 to 1 hour @return this */
        public Builder jitter(Duration maxJitter) {
            Objects.requireNonNull(maxJitter, "jitter");
            if (maxJitter.isNegative() || maxJitter.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("jitter must be between 0 and 1 hour but was " + maxJitter);
            }
            this.jitter = maxJitter;
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalArgumentException if the end is not after the start
         */
        public ScheduleSpec build() {
            if (startAt != null && endAt != null && !endAt.isAfter(startAt)) {
                throw new IllegalArgumentException("schedule '" + id + "': endAt " + endAt + " must be after startAt "
                        + startAt);
            }
            return new ScheduleSpec(this);
        }
    }
}
