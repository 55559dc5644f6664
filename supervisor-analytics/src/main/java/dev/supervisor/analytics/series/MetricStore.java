package dev.supervisor.analytics.series;

import dev.supervisor.analytics.series.internal.Bucket;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * Metric time series in memory. Each sample lands in a 1-minute bucket (kept for {@code minuteRetention}, 24 h by
 * default) and a 1-hour bucket (kept for {@code retention}, 7 days by default); older buckets are dropped as time
 * moves, so memory is bounded by the number of series. Queries read minute buckets when the range and step allow,
 * hour buckets otherwise. Thread-safe.
 */
public final class MetricStore {
    private static final long MINUTE = 60_000;
    private static final long HOUR = 3_600_000;

    private final Clock clock;
    private final Duration retention;
    private final Duration minuteRetention;
    private final Map<Key, Series> series = new ConcurrentHashMap<>();
    private final LivePublisher<Sample> live;

    private record Key(String metric, Map<String, String> labels) {
    }

    private static final class Series {
        final ArrayDeque<Bucket> minutes = new ArrayDeque<>();
        final ArrayDeque<Bucket> hours = new ArrayDeque<>();
    }

    private MetricStore(Clock clock, Duration retention, Duration minuteRetention, LivePublisher<Sample> live) {
        this.clock = clock;
        this.retention = retention;
        this.minuteRetention = minuteRetention;
        this.live = live;
    }

    /**
     * @param clock the clock that drives retention
     * @param retention how long hour buckets are kept (≥ 1 hour; the default is 7 days)
     * @param minuteRetention how long minute buckets are kept (≥ 1 minute, ≤ retention)
     * @param live where new samples are published (see {@link #live()})
     * @return a store
     */
    public static MetricStore create(Clock clock, Duration retention, Duration minuteRetention,
                                     LivePublisher<Sample> live) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(live, "live");
        if (retention.compareTo(Duration.ofHours(1)) < 0 || minuteRetention.compareTo(Duration.ofMinutes(1)) < 0
                || minuteRetention.compareTo(retention) > 0) {
            throw new IllegalArgumentException("need retention ≥ 1 h and 1 min ≤ minuteRetention ≤ retention, got "
                    + retention + " and " + minuteRetention);
        }
        return new MetricStore(clock, retention, minuteRetention, live);
    }

    /** @return a store with the system clock, 7 days of hours, 24 hours of minutes, and a default live stream */
    public static MetricStore withDefaults() {
        return create(Clock.systemUTC(), Duration.ofDays(7), Duration.ofHours(24), LivePublisher.builder().build());
    }

    /**
     * @param metric metric name
     * @param labels label values
     * @param time observation time (older than the retention: ignored)
     * @param value the value (non-finite: ignored)
     */
    public void record(String metric, Map<String, String> labels, Instant time, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        Sample s = new Sample(metric, labels, time, value);
        long now = clock.millis();
        long t = time.toEpochMilli();
        if (t < now - retention.toMillis()) {
            return;
        }
        Series ser = series.computeIfAbsent(new Key(metric, s.labels()), k -> new Series());
        synchronized (ser) {
            bucket(ser.minutes, t - Math.floorMod(t, MINUTE)).add(value);
            bucket(ser.hours, t - Math.floorMod(t, HOUR)).add(value);
            evict(ser, now);
        }
        live.offer(s);
    }

    private static Bucket bucket(ArrayDeque<Bucket> q, long start) {
        Bucket last = q.peekLast();
        if (last != null && last.start == start) {
            return last;
        }
        if (last == null || last.start < start) {
            Bucket b = new Bucket(start);
            q.addLast(b);
            return b;
        }
        // A late sample: find or insert its bucket (rare; linear from the end).
        List<Bucket> tail = new ArrayList<>();
        while (!q.isEmpty() && q.peekLast().start > start) {
            tail.add(0, q.pollLast());
        }
        Bucket b = !q.isEmpty() && q.peekLast().start == start ? q.peekLast() : new Bucket(start);
        if (q.peekLast() != b) {
            q.addLast(b);
        }
        tail.forEach(q::addLast);
        return b;
    }

    private void evict(Series s, long now) {
        while (!s.minutes.isEmpty() && s.minutes.peekFirst().start + MINUTE <= now - minuteRetention.toMillis()) {
            s.minutes.pollFirst();
        }
        while (!s.hours.isEmpty() && s.hours.peekFirst().start + HOUR <= now - retention.toMillis()) {
            s.hours.pollFirst();
        }
    }

    /**
     * @param q the query
     * @return one result per group, groups in label order
     */
    public List<SeriesResult> query(MetricQuery q) {
        long now = clock.millis();
        long from = q.from().toEpochMilli();
        long to = q.to().toEpochMilli();
        long step = q.step().toMillis();
        boolean useMinutes = from >= now - minuteRetention.toMillis() && step % HOUR != 0;
        long grain = useMinutes ? MINUTE : HOUR;
        Map<Map<String, String>, TreeMap<Long, Bucket>> groups = new TreeMap<>(
                (a, b) -> a.toString().compareTo(b.toString()));
        series.forEach((key, s) -> {
            if (!key.metric().equals(q.metric()) || !matches(key.labels(), q.where())) {
                return;
            }
            Map<String, String> group = new LinkedHashMap<>();
            for (String l : q.groupBy()) {
                group.put(l, key.labels().getOrDefault(l, ""));
            }
            TreeMap<Long, Bucket> steps = groups.computeIfAbsent(group, g -> new TreeMap<>());
            synchronized (s) {
                evict(s, now);
                for (Bucket b : useMinutes ? s.minutes : s.hours) {
                    if (b.start + grain <= from || b.start >= to) {
                        continue;
                    }
                    long stepStart = from + Math.floorDiv(Math.max(b.start, from) - from, step) * step;
                    steps.computeIfAbsent(stepStart, Bucket::new).merge(b);
                }
            }
        });
        List<SeriesResult> out = new ArrayList<>();
        groups.forEach((group, steps) -> {
            List<SeriesResult.Point> points = new ArrayList<>();
            steps.forEach((start, b) -> points.add(new SeriesResult.Point(Instant.ofEpochMilli(start),
                    value(b, q.aggregation()), b.count)));
            out.add(new SeriesResult(q.metric(), group, points));
        });
        return out;
    }

    private static boolean matches(Map<String, String> labels, Map<String, String> where) {
        for (Map.Entry<String, String> e : where.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static double value(Bucket b, Aggregation a) {
        return switch (a) {
            case SUM -> b.sum;
            case AVG -> b.sum / b.count;
            case COUNT -> b.count;
            case MIN -> b.min;
            case MAX -> b.max;
            case P50 -> b.histogram.quantile(0.50);
            case P95 -> b.histogram.quantile(0.95);
            case P99 -> b.histogram.quantile(0.99);
        };
    }

    /** @return every series' metric and labels */
    public List<Sample> seriesKeys() {
        List<Sample> out = new ArrayList<>();
        series.keySet().forEach(k -> out.add(new Sample(k.metric(), k.labels(), Instant.EPOCH, 0)));
        return out;
    }

    /** @return a live stream of every sample recorded from now on (bounded buffer per subscriber) */
    public Flow.Publisher<Sample> live() {
        return live;
    }

    /**
     * @return a consumer of Supervisor's lifecycle events (subscribe it to the event bus) recording
     *         {@code task.duration} and {@code task.queue_wait} (seconds), {@code task.cost}, and
     *         {@code task.succeeded}, {@code task.failed}, {@code task.retried} (1 per event; COUNT per step is the
     *         rate), labelled {@code workflow}, {@code type}, {@code provider}
     */
    public Consumer<SupervisorEvent> recorder() {
        return e -> {
            if (e instanceof TaskSucceeded s) {
                Map<String, String> l = labels(s.workflowId(), s.taskType(), s.provider());
                record("task.succeeded", l, s.timestamp(), 1);
                record("task.duration", l, s.timestamp(), s.duration().toNanos() / 1e9);
                record("task.cost", l, s.timestamp(), s.cost());
            } else if (e instanceof TaskFailed f) {
                Map<String, String> l = labels(f.workflowId(), f.taskType(), f.provider());
                record("task.failed", l, f.timestamp(), 1);
                record("task.cost", l, f.timestamp(), f.cost());
            } else if (e instanceof TaskRetrying r) {
                record("task.retried", labels(r.workflowId(), r.taskType(), r.provider()), r.timestamp(), 1);
            } else if (e instanceof TaskStarted t) {
                record("task.queue_wait", labels(t.workflowId(), t.taskType(), t.provider()), t.timestamp(),
                        t.queueWait().toNanos() / 1e9);
            }
        };
    }

    private static Map<String, String> labels(String workflow, String type, String provider) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("workflow", workflow == null ? "" : workflow);
        l.put("type", type == null ? "" : type);
        l.put("provider", provider == null ? "" : provider);
        return l;
    }
}
