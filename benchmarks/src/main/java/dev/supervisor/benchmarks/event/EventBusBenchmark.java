package dev.supervisor.benchmarks.event;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.EventBus;
import com.google.common.eventbus.Subscribe;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskCancelled;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.core.EventBuses;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Synchronous publication of one lifecycle event, ours against Guava's {@code EventBus} (33.5.0), with the same
 * subscribers: {@code listeners} of them spread round-robin over eight subscription types (six event types and the
 * task-event and all-event supertypes), so a {@code TaskSucceeded} reaches some and passes the others by. Guava's
 * subscribers carry {@code @AllowConcurrentEvents} (ours never synchronise a listener either). {@code
 * supervisor-weak} subscribes the same listeners weakly (kept reachable by this benchmark), which costs a
 * reference read per delivery. Run with {@code -prof gc} to see the allocation per publication.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EventBusBenchmark -f 2 -wi 3 -i 5 -w 1s -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBusBenchmark {
    private static final List<Class<? extends SupervisorEvent>> TYPES = List.of(TaskSucceeded.class,
            TaskStarted.class, TaskFailed.class, TaskCancelled.class, RunStarted.class, RunFinished.class,
            TaskEvent.class, SupervisorEvent.class);

    @Param({"1", "8", "32"})
    public int listeners;

    @Param({"supervisor", "supervisor-weak", "guava"})
    public String bus;

    private dev.supervisor.api.event.EventBus ours;
    private EventBus guava;
    private final TaskSucceeded event = new TaskSucceeded("run-1", "wf", "task-7", "noop", 1, "local",
            Instant.EPOCH, Duration.ofMillis(3), 0.0);
    long delivered;
    /** Keeps weakly subscribed listeners reachable. */
    private final List<Consumer<SupervisorEvent>> kept = new ArrayList<>();

    @Setup
    public void setUp() {
        ours = EventBuses.create(1024, Runnable::run);
        guava = new EventBus("bench");
        for (int k = 0; k < listeners; k++) {
            Class<? extends SupervisorEvent> type = TYPES.get(k % TYPES.size());
            if (bus.equals("supervisor-weak")) {
                Consumer<SupervisorEvent> listener = new Counter(); // an object, as weak listeners should be
                kept.add(listener);
                ours.subscribeWeak(type, listener);
            } else {
                ours.subscribe(type, e -> delivered++);
            }
            guava.register(guavaListener(type));
        }
    }

    private final class Counter implements Consumer<SupervisorEvent> {
        @Override
        public void accept(SupervisorEvent e) {
            delivered++;
        }
    }

    @Benchmark
    public long publish() {
        if (bus.equals("guava")) {
            guava.post(event);
        } else {
            ours.publish(event);
        }
        return delivered;
    }

    private Object guavaListener(Class<? extends SupervisorEvent> type) {
        // Guava finds the event type from the parameter of an annotated method: one class per type.
        if (type == TaskSucceeded.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(TaskSucceeded e) {
                    delivered++;
                }
            };
        } else if (type == TaskStarted.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(TaskStarted e) {
                    delivered++;
                }
            };
        } else if (type == TaskFailed.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(TaskFailed e) {
                    delivered++;
                }
            };
        } else if (type == TaskCancelled.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(TaskCancelled e) {
                    delivered++;
                }
            };
        } else if (type == RunStarted.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(RunStarted e) {
                    delivered++;
                }
            };
        } else if (type == RunFinished.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(RunFinished e) {
                    delivered++;
                }
            };
        } else if (type == TaskEvent.class) {
            return new Object() {
                @Subscribe
                @AllowConcurrentEvents
                public void on(TaskEvent e) {
                    delivered++;
                }
            };
        }
        return new Object() {
            @Subscribe
            @AllowConcurrentEvents
            public void on(SupervisorEvent e) {
                delivered++;
            }
        };
    }
}
