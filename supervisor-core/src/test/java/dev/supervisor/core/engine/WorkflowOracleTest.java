package dev.supervisor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Same workflow, same outcome: random workflows (trigger rules, edge conditions and expressions that may fail,
 * task conditions, retries with retry-on/abort-on, timeouts, both failure strategies) run on the engine with their
 * attempts completing in several random orders, and every run must match {@link SequentialReference} task by
 * task. Time and threads are the test's: attempts run when the test picks them, timeouts and back-offs fire when it
 * moves the clock.
 */
class WorkflowOracleTest {
    private static final int WORKFLOWS = 1500;
    private static final int ORDERS = 3;

    @Test
    void randomWorkflows_anyCompletionOrder_matchTheSequentialReference() {
        long base = new SplittableRandom().nextLong();
        System.out.println("WorkflowOracleTest seed " + base);
        for (int w = 0; w < WORKFLOWS; w++) {
            long seed = base + w;
            RandomWorkflows.Case c = RandomWorkflows.generate(seed);
            Map<String, SequentialReference.End> want = SequentialReference.run(c);
            for (int order = 0; order < ORDERS; order++) {
                RunOutcome got = runInRandomOrder(c, new SplittableRandom(seed * 31 + order));
                check(c, want, got, "seed " + seed + " order " + order + ": " + describe(c));
            }
        }
    }

    @Test
    void allSuccessTask_withAFailedAndASkippedUpstream_isUpstreamFailedInEitherOrder() {
        // The smallest case where arrival order used to decide: t2 (all_success) after t0 (fails) and t1 (skipped).
        long found = -1;
        for (long seed = 0; seed < 100_000 && found < 0; seed++) {
            RandomWorkflows.Case c = RandomWorkflows.generate(seed);
            Map<String, SequentialReference.End> want = SequentialReference.run(c);
            if (c.workflow().failureStrategy() == FailureStrategy.CONTINUE && hasFailAndSkipJoin(c, want)) {
                found = seed;
                for (int order = 0; order < 20; order++) {
                    check(c, want, runInRandomOrder(c, new SplittableRandom(order)), "seed " + seed);
                }
            }
        }
        assertThat(found).as("a generated workflow with a fail-and-skip join").isNotNegative();
    }

    static String describe(RandomWorkflows.Case c) {
        StringBuilder sb = new StringBuilder(c.workflow().failureStrategy() + " inputs=" + c.inputs());
        for (var t : c.workflow().tasks()) {
            sb.append("\n  ").append(t.id()).append(' ').append(t.triggerRule()).append(" deps=")
                    .append(t.dependencies().stream().map(d -> d.taskId() + ":" + d.condition().kind()
                            + (d.condition().expression() == null ? "" : "(" + d.condition().expression() + ")"))
                            .toList())
                    .append(t.condition().map(x -> " if " + x).orElse("")).append(" script=")
                    .append(c.script().get(t.id())).append(" retry=").append(t.retryPolicy());
        }
        return sb.toString();
    }

    private static boolean hasFailAndSkipJoin(RandomWorkflows.Case c, Map<String, SequentialReference.End> ends) {
        return c.workflow().tasks().stream().anyMatch(t -> t.triggerRule() == dev.supervisor.api.TriggerRule.ALL_SUCCESS
                && t.dependencies().stream().allMatch(d -> d.condition().kind()
                        == dev.supervisor.api.EdgeCondition.Kind.SUCCESS)
                && t.dependencies().stream().anyMatch(d -> ends.get(d.taskId()).state() == TaskState.SKIPPED)
                && t.dependencies().stream().anyMatch(d -> ends.get(d.taskId()).state() == TaskState.FAILED));
    }

    private static void check(RandomWorkflows.Case c, Map<String, SequentialReference.End> want, RunOutcome got,
                              String where) {
        boolean failFast = c.workflow().failureStrategy() == FailureStrategy.FAIL_FAST;
        if (!failFast || !SequentialReference.hasOwnFailure(want)) {
            // Nothing fails by itself, or the run goes on after failures: the outcome is fully determined.
            assertThat(got.status()).as(where).isEqualTo(SequentialReference.status(want));
            want.forEach((id, end) -> {
                TaskOutcome o = got.task(id);
                assertThat(o.state()).as("%s, task %s (%s)", where, id, o.error()).isEqualTo(end.state());
                assertThat(o.attempts()).as("%s, attempts of %s", where, id).isEqualTo(end.attempts());
                if (end.state() == TaskState.SUCCEEDED) {
                    assertThat(o.output()).as("%s, output of %s", where, id).isEqualTo(end.output());
                }
            });
            return;
        }
        // Fail-fast after a failure: which other tasks got to run depends on timing, but nothing contradicts the
        // reference, the run fails, and something failed by itself.
        assertThat(got.status()).as(where).isEqualTo(RunStatus.FAILED);
        assertThat(got.tasks().values()).as(where).anyMatch(o -> o.state() == TaskState.FAILED
                || o.state() == TaskState.TIMED_OUT);
        want.forEach((id, end) -> {
            TaskState s = got.task(id).state();
            assertThat(s == end.state() || s == TaskState.SKIPPED || s == TaskState.CANCELLED)
                    .as("%s, task %s: %s where the reference has %s", where, id, s, end.state()).isTrue();
        });
    }

    /** Runs the case with attempts picked at random among those handed over; the clock moves only when idle. */
    static RunOutcome runInRandomOrder(RandomWorkflows.Case c, SplittableRandom order) {
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        List<Runnable> handedOver = new ArrayList<>();
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(handedOver::add).maxConcurrency(1000).randomSeed(1)
                .handler(RandomWorkflows.SCRIPTED, ctx -> switch (c.act(ctx.task().id(), ctx.attempt())) {
                    case SUCCEED -> c.outputs().get(ctx.task().id());
                    case FAIL_STATE -> throw new IllegalStateException("scripted failure");
                    case FAIL_ARGUMENT -> throw new IllegalArgumentException("scripted failure");
                    case HANG -> {
                        clock.advance(RandomWorkflows.TIMEOUT); // the attempt overruns its timeout
                        yield null;
                    }
                }).build())) {
            RunHandle run = sup.submit(c.workflow(), c.inputs());
            int idle = 0;
            while (!run.outcome().isDone()) {
                if (handedOver.isEmpty()) {
                    assertThat(++idle).as("run stalled: %s", run.taskStates()).isLessThan(100);
                    clock.advance(RandomWorkflows.RETRY_DELAY);
                } else {
                    handedOver.remove(order.nextInt(handedOver.size())).run();
                }
            }
            return run.outcome().join();
        }
    }
}
