package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One engine in every mode: the random workflows of {@link RandomWorkflows} run on three supervisors in cluster
 * mode (sharing one in-memory store that can claim) and must end exactly as on one in-memory supervisor, task by
 * task, whichever node ran what. Time is a manual clock: the test moves it only to let back-offs pass; timeouts fire
 * when a hanging attempt moves it; leases are an hour long, so no task changes hands.
 */
class ClusterOracleTest {
    private static final int WORKFLOWS = Integer.getInteger("oracle.workflows", 60);
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final RunStore store = RunStores.inMemory(10_000, clock);
    private final List<Supervisor> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(n -> n.shutdown(Duration.ofSeconds(5)));
    }

    private Supervisor node(String id, RandomWorkflows.Case[] current) {
        Supervisor s = Supervisor.create(SupervisorConfig.builder().runStore(store)
                .cluster(ClusterConfig.builder().lease(Duration.ofHours(1)).pollInterval(Duration.ofMillis(2)).build())
                .nodeId(id).clock(clock).delayScheduler(clock).maxConcurrency(3).randomSeed(1)
                .handler(RandomWorkflows.SCRIPTED, ctx -> {
                    RandomWorkflows.Case c = current[0];
                    return switch (c.act(ctx.task().id(), ctx.attempt())) {
                        case SUCCEED -> c.outputs().get(ctx.task().id());
                        case FAIL_STATE -> throw new IllegalStateException("scripted failure");
                        case FAIL_ARGUMENT -> throw new IllegalArgumentException("scripted failure");
                        case HANG -> {
                            clock.advance(RandomWorkflows.TIMEOUT); // the attempt overruns its timeout
                            yield null;
                        }
                    };
                }).build());
        nodes.add(s);
        return s;
    }

    @Test
    void randomWorkflows_onThreeNodes_endAsOnOneSupervisor() throws Exception {
        RandomWorkflows.Case[] current = new RandomWorkflows.Case[1];
        for (int n = 0; n < 3; n++) {
            node("node-" + n, current);
        }
        long base = new SplittableRandom().nextLong();
        System.out.println("ClusterOracleTest seed " + base);
        for (int w = 0; w < WORKFLOWS; w++) {
            RandomWorkflows.Case c = RandomWorkflows.generate(base + w);
            current[0] = c;
            RunOutcome alone = WorkflowOracleTest.runInRandomOrder(c, new SplittableRandom(w));
            RunHandle run = nodes.get(w % 3).submit(c.workflow(), c.inputs());
            RunOutcome clustered = await(nodes.get((w + 1) % 3).run(run.runId()).orElseThrow());
            compare(c, alone, clustered, "seed " + (base + w) + ": " + WorkflowOracleTest.describe(c));
        }
    }

    /** Waits for the run, moving the clock a second at a time when nothing happens, so back-offs end. */
    private RunOutcome await(RunHandle run) throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                return run.outcome().get(50, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                clock.advance(RandomWorkflows.RETRY_DELAY);
            }
        }
        throw new AssertionError("run did not end: " + run.taskStates());
    }

    private static void compare(RandomWorkflows.Case c, RunOutcome alone, RunOutcome clustered, String where) {
        if (c.workflow().failureStrategy() == FailureStrategy.FAIL_FAST && alone.status() == RunStatus.FAILED) {
            // Which other tasks got to run after the failure depends on timing in both: only the verdict must agree.
            assertThat(clustered.status()).as(where).isEqualTo(RunStatus.FAILED);
            for (Map.Entry<String, TaskOutcome> e : clustered.tasks().entrySet()) {
                TaskState s = e.getValue().state();
                TaskState ref = alone.task(e.getKey()).state();
                assertThat(s == ref || s == TaskState.SKIPPED || s == TaskState.CANCELLED
                        || ref == TaskState.SKIPPED || ref == TaskState.CANCELLED)
                        .as("%s, task %s: %s alone, %s clustered", where, e.getKey(), ref, s).isTrue();
            }
            return;
        }
        assertThat(clustered.status()).as(where).isEqualTo(alone.status());
        assertThat(clustered.tasks().keySet()).as(where).containsExactlyElementsOf(alone.tasks().keySet());
        for (Map.Entry<String, TaskOutcome> e : alone.tasks().entrySet()) {
            TaskOutcome o = clustered.task(e.getKey());
            assertThat(o.state()).as("%s, task %s (%s)", where, e.getKey(), o.error()).isEqualTo(e.getValue().state());
            assertThat(o.attempts()).as("%s, attempts of %s", where, e.getKey()).isEqualTo(e.getValue().attempts());
            assertThat(o.output()).as("%s, output of %s", where, e.getKey()).isEqualTo(e.getValue().output());
        }
    }
}
