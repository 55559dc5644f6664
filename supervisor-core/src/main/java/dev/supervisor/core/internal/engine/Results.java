package dev.supervisor.core.internal.engine;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The engine's implementations of the result types: records, so equality and text come for free. */
final class Results {
    private Results() {
    }

    record Task(String taskId, TaskState state, int attempts, Instant startedAt, Instant finishedAt, Object output,
                String error, String reason) implements TaskOutcome {
        /** Splits the stored message: failures have an error, skips and cancels a reason. */
        static Task of(String id, TaskState state, int attempts, Instant start, Instant end, Object output,
                       String message) {
            boolean skipped = state == TaskState.SKIPPED || state == TaskState.CANCELLED;
            return new Task(id, state, attempts, start, end, output, state.isFailure() ? message : null,
                    skipped ? message : null);
        }
    }

    record Run(String runId, String workflowId, RunStatus status, Map<String, TaskOutcome> tasks, Instant startedAt,
               Instant finishedAt, List<String> criticalPath) implements RunOutcome {
    }

    record Progress(int total, int done, int running, int failed, Optional<Duration> eta) implements RunProgress {
    }
}
