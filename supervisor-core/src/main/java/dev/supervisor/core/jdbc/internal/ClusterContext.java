package dev.supervisor.core.jdbc.internal;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.spi.TaskContext;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;

/** What a handler sees when a cluster node runs one of its tasks. */
record ClusterContext(String runId, String workflowId, TaskSpec task, int attempt, Map<String, Object> inputs,
                      Map<String, Object> upstreamOutputs, Clock clock, boolean[] cancelled) implements TaskContext {

    @Override
    public String idempotencyKey() {
        return runId + ":" + task.id();
    }

    @Override
    public boolean isCancelled() {
        return cancelled[0];
    }

    @Override
    public void selectBranches(Collection<String> taskIds) {
        throw new UnsupportedOperationException("branch selection is not available to clustered runs");
    }

    @Override
    public void shortCircuit() {
        throw new UnsupportedOperationException("short-circuit is not available to clustered runs");
    }
}
