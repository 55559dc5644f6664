package dev.supervisor.analytics.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The settings of an ensemble detector ({@link AnomalyDetectors#ensemble(EnsembleConfig)}): immutable and safe to
 * share. {@link #defaults()} holds the shipped settings; each was chosen by leave-one-category-out cross-validation
 * on the development split of NAB (see BENCHMARKS.md), not for a single file.
 *
 * @param members fresh member detectors for each ensemble built from this configuration
 * @param shortWindow points whose mean surprise is compared with the long-run distribution
 * @param longWindow points describing a member's normal surprise (exponentially weighted)
 * @param alarmLevel score from which an alarm starts a refractory period
 * @param refractory points damped after an alarm
 * @param damping factor applied to scores during the refractory period (and to daily recurring alarms)
 * @param rangeTolerance a value beyond the recent range by more than this fraction of it scores 1 (0: off)
 * @param rangeHorizon points over which the range is remembered ({@link Integer#MAX_VALUE}: all of them)
 * @param recurrenceLevel score from which alarms recurring at the same time of day are damped (0: off)
 */
public record EnsembleConfig(Supplier<List<AnomalyDetector>> members, int shortWindow, int longWindow,
                             double alarmLevel, int refractory, double damping, double rangeTolerance,
                             int rangeHorizon, double recurrenceLevel) {
    private static final EnsembleConfig DEFAULTS = builder().build();

    /** Checks every value, naming the option and the value, as the builder does. */
    public EnsembleConfig {
        Objects.requireNonNull(members, "members");
        Builder.require(shortWindow >= 1 && shortWindow <= 100, "shortWindow", shortWindow, "between 1 and 100");
        Builder.require(longWindow >= 10, "longWindow", longWindow, "at least 10");
        Builder.require(alarmLevel > 0 && alarmLevel <= 1, "alarmLevel", alarmLevel, "in (0, 1]");
        Builder.require(refractory >= 0, "refractory", refractory, "at least 0");
        Builder.require(damping >= 0 && damping <= 1, "damping", damping, "in [0, 1]");
        Builder.require(rangeTolerance >= 0 && Double.isFinite(rangeTolerance), "rangeTolerance", rangeTolerance,
                "finite and at least 0");
        Builder.require(rangeHorizon >= 100, "rangeHorizon", rangeHorizon, "at least 100");
        Builder.require(recurrenceLevel >= 0 && recurrenceLevel <= 1, "recurrenceLevel", recurrenceLevel,
                "in [0, 1]");
    }

    /** @return the shipped settings */
    public static EnsembleConfig defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the shipped settings */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "EnsembleConfig[short " + shortWindow + ", long " + longWindow + ", alarm " + alarmLevel
                + ", refractory " + refractory + " x" + damping + ", range " + rangeTolerance + " over "
                + (rangeHorizon == Integer.MAX_VALUE ? "all" : rangeHorizon) + ", recurrence " + recurrenceLevel
                + "]";
    }

    /**
     * The default members: robust median/MAD over 200 points, level shift of 8-point trimmed means against 2,000
     * earlier ones, time of day.
     */
    static List<AnomalyDetector> defaultMembers() {
        return List.of(new Detectors.Mad(200, 3), new LevelShiftDetector(8, 2000, true, true),
                new TimeOfDayDetector(24, true, 0.05, 10, 0.1));
    }

    /** Builds an {@link EnsembleConfig}: each option may be set once; unset options keep the shipped value. */
    public static final class Builder {
        private final List<String> set = new ArrayList<>();
        private Supplier<List<AnomalyDetector>> members = EnsembleConfig::defaultMembers;
        private int shortWindow = 5;
        private int longWindow = 2000;
        private double alarmLevel = 0.65;
        private int refractory = 100;
        private double damping = 0.5;
        private double rangeTolerance = 0.05;
        private int rangeHorizon = 8640;
        private double recurrenceLevel = 0.6;

        private Builder() {
        }

        private void once(String option, Object current) {
            if (set.contains(option)) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
            set.add(option);
        }

        private static void require(boolean ok, String option, Object value, String rule) {
            if (!ok) {
                throw new IllegalArgumentException(option + " must be " + rule + " but was " + value);
            }
        }

        /** @param supplier fresh members for each detector (at least one) @return this */
        public Builder members(Supplier<List<AnomalyDetector>> supplier) {
            once("members", "another supplier");
            this.members = Objects.requireNonNull(supplier, "members");
            return this;
        }

        /** @param points 1–100 (default 5) @return this */
        public Builder shortWindow(int points) {
            once("shortWindow", shortWindow);
            require(points >= 1 && points <= 100, "shortWindow", points, "between 1 and 100");
            this.shortWindow = points;
            return this;
        }

        /** @param points at least 10 (default 2,000) @return this */
        public Builder longWindow(int points) {
            once("longWindow", longWindow);
            require(points >= 10, "longWindow", points, "at least 10");
            this.longWindow = points;
            return this;
        }

        /** @param level in (0, 1] (default 0.65) @return this */
        public Builder alarmLevel(double level) {
            once("alarmLevel", alarmLevel);
            require(level > 0 && level <= 1, "alarmLevel", level, "in (0, 1]");
            this.alarmLevel = level;
            return this;
        }

        /** @param points at least 0 (default 100) @return this */
        public Builder refractory(int points) {
            once("refractory", refractory);
            require(points >= 0, "refractory", points, "at least 0");
            this.refractory = points;
            return this;
        }

        /** @param factor in [0, 1] (default 0.5) @return this */
        public Builder damping(double factor) {
            once("damping", damping);
            require(factor >= 0 && factor <= 1, "damping", factor, "in [0, 1]");
            this.damping = factor;
            return this;
        }

        /** @param fraction at least 0, 0 turning the range check off (default 0.05) @return this */
        public Builder rangeTolerance(double fraction) {
            once("rangeTolerance", rangeTolerance);
            require(fraction >= 0 && Double.isFinite(fraction), "rangeTolerance", fraction, "finite and at least 0");
            this.rangeTolerance = fraction;
            return this;
        }

        /** @param points at least 100, {@link Integer#MAX_VALUE} for no horizon (default 8,640) @return this */
        public Builder rangeHorizon(int points) {
            once("rangeHorizon", rangeHorizon);
            require(points >= 100, "rangeHorizon", points, "at least 100");
            this.rangeHorizon = points;
            return this;
        }

        /** @param level in [0, 1], 0 turning recurrence damping off (default 0.6) @return this */
        public Builder recurrenceLevel(double level) {
            once("recurrenceLevel", recurrenceLevel);
            require(level >= 0 && level <= 1, "recurrenceLevel", level, "in [0, 1]");
            this.recurrenceLevel = level;
            return this;
        }

        /** @return the configuration */
        public EnsembleConfig build() {
            return new EnsembleConfig(members, shortWindow, longWindow, alarmLevel, refractory, damping,
                    rangeTolerance, rangeHorizon, recurrenceLevel);
        }
    }
}
