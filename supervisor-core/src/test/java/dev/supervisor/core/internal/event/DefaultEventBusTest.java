package dev.supervisor.core.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultEventBusTest {
    private final DefaultEventBus bus = new DefaultEventBus(16, Runnable::run);
    private final TaskSucceeded succeeded = new TaskSucceeded("r", "wf", "t", "work", 1, "local", Instant.EPOCH,
            Duration.ZERO, 0.0);
    private final RunStarted started = new RunStarted("r", "wf", Instant.EPOCH, 1);

    @Test
    void publish_afterSubscriptionsChange_reachesExactlyTheCurrentSubscribersOfItsTypes() {
        List<String> seen = new ArrayList<>();
        Subscription tasks = bus.subscribe(TaskEvent.class, e -> seen.add("tasks"));
        bus.publish(succeeded); // the route for TaskSucceeded is worked out here
        bus.subscribe(TaskSucceeded.class, e -> seen.add("succeeded"));
        bus.publish(succeeded);
        tasks.close();
        bus.publish(succeeded);
        bus.publish(started); // reaches nobody yet
        bus.subscribe(SupervisorEvent.class, e -> seen.add("all:" + e.getClass().getSimpleName()));
        bus.publish(started);

        assertThat(seen).containsExactly("tasks", "tasks", "succeeded", "succeeded", "all:RunStarted");
    }

    @Test
    void close_twice_isHarmless() {
        List<String> seen = new ArrayList<>();
        Subscription s = bus.subscribe(TaskSucceeded.class, e -> seen.add("x"));
        s.close();
        s.close();
        bus.publish(succeeded);
        assertThat(seen).isEmpty();
        assertThat(bus.hasSubscribers()).isFalse();
    }
}
