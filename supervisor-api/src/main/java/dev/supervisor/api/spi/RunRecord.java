package dev.supervisor.api.spi;

import dev.supervisor.api.RunStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Stored state of a run.
 *
 * @param runId the run id
 * @param workflowId the workflow id
 * @param status the status
 * @param inputs the run's inputs (JSON-compatible)
 * @param createdAt when it was submitted
 * @param finishedAt when it ended, or null
 * @param version incremented by every update
 */
public record RunRecord(String runId, String workflowId, RunStatus status, Map<String, Object> inputs,
                        Instant createdAt, Instant finishedAt, long version) {

    /**
     * @param status the new status
     * @param finishedAt when it ended, or null
     * @return a copy with the status changed and the version incremented
     */
    public RunRecord withStatus(RunStatus status, Instant finishedAt) {
        return new RunRecord(runId, workflowId, status, inputs, createdAt, finishedAt, version + 1);
    }
}
