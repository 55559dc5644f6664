package dev.supervisor.analytics.metrics;

import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSkipped;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Consumes Supervisor's lifecycle events (subscribe it to the event bus, sync or async) and keeps per-group
 * counters and HdrHistograms: 3 significant digits between 1 µs and 1 day, so memory per group is bounded and
 * percentiles are within 0.1%.
 */
public final class MetricsCollector implements Consumer<SupervisorEvent> {
    private static final long MAX_MICROS = Duration.ofDays(1).toNanos() / 1000;
    private final Map<MetricKey, Group> groups = new ConcurrentHashMap<>();

    private static final class Group {
        final LongAdder succeeded = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder skipped = new LongAdder();
        final DoubleAdder cost = new DoubleAdder();
        final Histogram durations = new ConcurrentHistogram(1, MAX_MICROS, 3);
        final Histogram queueWait = new ConcurrentHistogram(1, MAX_MICROS, 3);
    }

    private Group group(String workflow, String type, String provider) {
        return groups.computeIfAbsent(new MetricKey(workflow, type, provider), k -> new Group());
    }

    private static long micros(Duration d) {
        return Math.max(1, Math.min(MAX_MICROS, d.toNanos() / 1000));
    }

    @Override
    public void accept(SupervisorEvent event) {
        if (event instanceof TaskSucceeded s) {
            Group g = group(s.workflowId(), s.taskType(), s.provider());
            g.succeeded.increment();
            g.durations.recordValue(micros(s.duration()));
            g.cost.add(s.cost());
        } else if (event instanceof TaskFailed f) {
            Group g = group(f.workflowId(), f.taskType(), f.provider());
            g.failed.increment();
            g.cost.add(f.cost());
        } else if (event instanceof TaskRetrying r) {
            group(r.workflowId(), r.taskType(), r.provider()).retries.increment();
        } else if (event instanceof TaskSkipped k) {
            group(k.workflowId(), k.taskType(), k.provider()).skipped.increment();
        } else if (event instanceof TaskStarted t) {
            group(t.workflowId(), t.taskType(), t.provider()).queueWait.recordValue(micros(t.queueWait()));
        }
    }

    /** @return a snapshot of every group */
    public List<TaskStats> snapshot() {
        List<TaskStats> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new TaskStats(k, g.succeeded.sum(), g.failed.sum(), g.retries.sum(),
                g.skipped.sum(), at(g.durations, 50), at(g.durations, 95), at(g.durations, 99),
                Duration.ofNanos(g.durations.getMaxValue() * 1000), at(g.queueWait, 95), g.cost.sum())));
        return out;
    }

    private static Duration at(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Duration.ZERO
                : Duration.ofNanos(h.getValueAtPercentile(percentile) * 1000);
    }
}
