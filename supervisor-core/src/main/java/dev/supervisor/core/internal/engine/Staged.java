package dev.supervisor.core.internal.engine;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.TaskRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's changes made during one hold of the engine lock, when the supervisor has a store: the task records to
 * write, in order; each touched task's row as it was before, to put back if the store refuses the batch; the run's
 * new record; the events of those changes; and the run's outcome if it ended. The store gets them as one
 * {@link dev.supervisor.api.spi.RunChanges}; the events are published, and the outcome completed, only once it has
 * them. The lock is not let go, and no attempt launched, before the batch is stored (see
 * {@code DefaultSupervisor.unlock}).
 */
final class Staged {
    final List<TaskRecord> writes = new ArrayList<>();
    final Map<Integer, TaskRecord> before = new HashMap<>();
    final List<SupervisorEvent> events = new ArrayList<>();
    RunRecord run;
    RunOutcome outcome;
}
