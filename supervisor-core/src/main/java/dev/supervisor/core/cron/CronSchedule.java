package dev.supervisor.core.cron;

import dev.supervisor.core.cron.internal.ZoneSearch;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CronExpression} in a {@link ZoneId} with explicit daylight-saving policies: the function from "now" to
 * the next (or previous) fire instant. Immutable and thread-safe.
 *
 * <p>The set of fire instants is defined per matching wall-clock time: a time that exists once fires at that
 * instant; a time inside a gap fires per {@link #gapPolicy()}; a time inside an overlap fires per
 * {@link #overlapPolicy()}. {@link #next} returns the smallest fire strictly after its argument and
 * {@link #previous} the largest strictly before, so chaining {@code next} never repeats or goes backwards, even
 * when called from inside a repeated hour.
 */
public final class CronSchedule {
    private final CronExpression expression;
    private final ZoneId zone;
    private final DstGapPolicy gapPolicy;
    private final DstOverlapPolicy overlapPolicy;
    private final ZoneSearch search;

    private CronSchedule(Builder b) {
        this.expression = b.expression;
        this.zone = b.zone;
        this.gapPolicy = b.gapPolicy;
        this.overlapPolicy = b.overlapPolicy != null ? b.overlapPolicy
                : expression.measuresElapsedHours() ? DstOverlapPolicy.BOTH : DstOverlapPolicy.FIRST_OCCURRENCE;
        this.search = new ZoneSearch(expression.fields(), zone, gapPolicy, overlapPolicy);
    }

    /**
     * @param expression what to match
     * @param zone where the wall clock hangs
     * @return a builder with the default policies
     */
    public static Builder builder(CronExpression expression, ZoneId zone) {
        return new Builder(expression, zone);
    }

    /**
     * @param text a cron expression
     * @param dialect its dialect
     * @param zone where the wall clock hangs
     * @return a schedule with the default policies
     */
    public static CronSchedule of(String text, CronDialect dialect, ZoneId zone) {
        return CronExpression.parse(text, dialect).in(zone);
    }

    /**
     * @param after any instant
     * @return the first fire strictly after it; empty if the schedule never fires again (within 400 years, before
     *         2200)
     */
    public Optional<Instant> next(Instant after) {
        return Optional.ofNullable(search.next(Objects.requireNonNull(after, "after"), null));
    }

    /**
     * @param after any instant
     * @return the first fire strictly after it, with its DST adjustment and tzdb version
     */
    public Optional<CronFire> nextFire(Instant after) {
        ZoneSearch.Detail d = new ZoneSearch.Detail();
        Instant i = search.next(Objects.requireNonNull(after, "after"), d);
        return i == null ? Optional.empty() : Optional.of(d.toFire(i, zone, search.tzdbVersion()));
    }

    /**
     * @param before any instant
     * @return the last fire strictly before it; empty if none (within 400 years, not before 1970)
     */
    public Optional<Instant> previous(Instant before) {
        return Optional.ofNullable(search.previous(Objects.requireNonNull(before, "before")));
    }

    /**
     * @param after where to start (exclusive)
     * @param count how many fires, 0–10,000
     * @return up to {@code count} consecutive fires after {@code after}
     */
    public List<CronFire> preview(Instant after, int count) {
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("preview count must be between 0 and 10000 but was " + count);
        }
        List<CronFire> out = new ArrayList<>(count);
        Instant t = Objects.requireNonNull(after, "after");
        while (out.size() < count) {
            Optional<CronFire> f = nextFire(t);
            if (f.isEmpty()) {
                break;
            }
            out.add(f.get());
            t = f.get().instant();
        }
        return out;
    }

    /** @return the expression */
    public CronExpression expression() {
        return expression;
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return what happens to times that fall in a spring-forward gap */
    public DstGapPolicy gapPolicy() {
        return gapPolicy;
    }

    /** @return what happens to times that occur twice at fall-back */
    public DstOverlapPolicy overlapPolicy() {
        return overlapPolicy;
    }

    /** @return the tz database version of this zone's rules ({@code fixed} for offsets) */
    public String tzdbVersion() {
        return search.tzdbVersion();
    }

    @Override
    public String toString() {
        return expression + " in " + zone + " (gap " + gapPolicy + ", overlap " + overlapPolicy + ")";
    }

    /** Builds a {@link CronSchedule}; every setter rejects null at once. */
    public static final class Builder {
        private final CronExpression expression;
        private final ZoneId zone;
        private DstGapPolicy gapPolicy = DstGapPolicy.SHIFT_FORWARD;
        private DstOverlapPolicy overlapPolicy;

        private Builder(CronExpression expression, ZoneId zone) {
            this.expression = Objects.requireNonNull(expression, "expression");
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        /** @param policy gap handling (default SHIFT_FORWARD) @return this */
        public Builder gapPolicy(DstGapPolicy policy) {
            this.gapPolicy = Objects.requireNonNull(policy, "gapPolicy");
            return this;
        }

        /** @param policy overlap handling (default depends on the hour field) @return this */
        public Builder overlapPolicy(DstOverlapPolicy policy) {
            this.overlapPolicy = Objects.requireNonNull(policy, "overlapPolicy");
            return this;
        }

        /** @return the schedule */
        public CronSchedule build() {
            return new CronSchedule(this);
        }
    }
}
