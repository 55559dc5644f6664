package dev.supervisor.core.internal.engine;

import java.util.Map;

/**
 * What a cluster worker needs to execute a claimed task of a run: the workflow's graph, handlers and fan-out
 * plan, and the inputs. For a run this node owns it is the run's own state; for another node's run it is read
 * from the store once and cached.
 *
 * @param runId the run
 * @param workflowId its workflow
 * @param work what running the workflow's tasks needs (same indexes on every node: preparation is deterministic)
 * @param inputs the run's inputs
 * @param local the run's execution when this node owns it, else null
 */
record RunView(String runId, String workflowId, Work work, Map<String, Object> inputs,
               RunExecution local) {
}
