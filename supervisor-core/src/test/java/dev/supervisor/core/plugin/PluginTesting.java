package dev.supervisor.core.plugin;

import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;

/** Shared set-up of plugin host tests: a manual clock that also enforces time limits, and a synchronous bus. */
final class PluginTesting {
    private PluginTesting() {
    }

    static PluginHostConfig.Builder config(ManualClock clock) {
        return PluginHostConfig.builder().clock(clock).timer(clock).sharePackages(Probe.PACKAGE)
                .eventBus(EventBuses.create(64, Runnable::run)).callbackTimeout(Duration.ofSeconds(5));
    }

    static TaskSucceeded succeeded(String taskId) {
        return new TaskSucceeded("run-1", "wf", taskId, "work", 1, "local", Instant.EPOCH, Duration.ZERO, 0.0);
    }

    /**
     * Waits until everything queued for a one-thread plugin before now has run: its health check queues behind it.
     */
    static void drain(PluginHost host, String id) {
        host.plugin(id).orElseThrow().health();
    }
}
