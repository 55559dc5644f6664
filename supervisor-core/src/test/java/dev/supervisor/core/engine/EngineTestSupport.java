package dev.supervisor.core.engine;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the engine tests. */
final class EngineTestSupport {
    static final TaskType WORK = TaskType.of("work");

    private EngineTestSupport() {
    }

    static TaskSpec.Builder task(String id, String... deps) {
        return TaskSpec.builder(id, WORK).dependsOn(deps);
    }

    /** Waits for a run driven by real threads; generous bound so a loaded CI machine does not flake. */
    static RunOutcome await(RunHandle run) {
        try {
            return run.outcome().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("run " + run.runId() + " did not finish: " + run.taskStates(), e);
        }
    }

    /** For same-thread runs the outcome is already complete when submit returns, or after the clock moved. */
    static RunOutcome done(RunHandle run) {
        if (!run.outcome().isDone()) {
            throw new AssertionError("run not finished; states: " + run.taskStates());
        }
        return run.outcome().join();
    }
}
