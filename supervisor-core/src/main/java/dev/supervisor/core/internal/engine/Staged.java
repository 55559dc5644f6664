package dev.supervisor.core.internal.engine;

import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.spi.TaskRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's transitions made during one hold of the engine lock, for a store that is written in batches (every
 * store but the in-memory one): the records to write, in order; each touched task's row as it was before, to put
 * back if the store refuses the batch; and the events of those transitions, published only once the batch is
 * stored. The lock is not let go, and no attempt launched, before the batch is stored (see
 * {@code DefaultSupervisor.unlock}).
 */
final class Staged {
    final List<TaskRecord> writes = new ArrayList<>();
    final Map<Integer, TaskRecord> before = new HashMap<>();
    final List<SupervisorEvent> events = new ArrayList<>();
}
