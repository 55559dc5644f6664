package dev.supervisor.api.spi;

import dev.supervisor.api.event.SupervisorEvent;
import java.util.List;
import java.util.Objects;

/**
 * What one step of the engine changed in one run, to be stored together (see {@link RunStore#apply}).
 *
 * @param runId the run
 * @param node the node that made the changes (kept with the events)
 * @param tasks new task records in the order they were made (a task may appear several times, each one version
 *        on from the one before)
 * @param run the run's new record, or null if it did not change
 * @param events the events of those changes, in order (stored by stores with a {@link RunEventLog})
 */
public record RunChanges(String runId, String node, List<TaskRecord> tasks, RunRecord run,
                         List<SupervisorEvent> events) {
    /**
     * @throws NullPointerException if the run id or a list is null
     */
    public RunChanges {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(node, "node");
        tasks = List.copyOf(tasks);
        events = List.copyOf(events);
    }
}
