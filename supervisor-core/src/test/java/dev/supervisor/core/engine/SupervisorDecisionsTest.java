package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * How a run's end is decided: the first decision (fail-fast, cancel, run timeout) stands, and a timeout is a typed
 * failure retry policies can match. Attempts run when the test says so; time moves when the test moves it.
 */
class SupervisorDecisionsTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final Queue<Runnable> handedOver = new ArrayDeque<>();

    private Supervisor supervisor() {
        return Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(handedOver::add).handler(WORK, ctx -> {
                    if (ctx.task().id().startsWith("bad")) {
                        throw new IllegalStateException("boom");
                    }
                    return null;
                }).build());
    }

    @Test
    void cancel_afterAFailFastFailure_returnsFalseAndTheRunEndsFailed() {
        Supervisor sup = supervisor();
        RunHandle run = sup.submit(WorkflowSpec.builder("w").failureStrategy(FailureStrategy.FAIL_FAST)
                .task(task("bad")).task(task("slow")).build());
        Runnable bad = handedOver.remove();
        Runnable slow = handedOver.remove();
        bad.run(); // fails: the run is failing, "slow" is asked to stop but is still running

        assertThat(run.cancel()).isFalse();
        slow.run();
        assertThat(done(run).status()).isEqualTo(RunStatus.FAILED);
        assertThat(done(run).task("bad").state()).isEqualTo(TaskState.FAILED);
    }

    @Test
    void runTimeout_afterACancel_leavesTheRunCancelled() {
        Supervisor sup = supervisor();
        RunHandle run = sup.submit(WorkflowSpec.builder("w").timeout(Duration.ofMinutes(1)).task(task("slow"))
                .build());
        assertThat(run.cancel()).isTrue();
        clock.advance(Duration.ofMinutes(2)); // the run timeout fires while the attempt is still running
        handedOver.remove().run();
        assertThat(done(run).status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void timeout_isATaskTimeoutExceptionThatRetryPoliciesMatch() {
        Supervisor sup = supervisor();
        RetryPolicy retryTimeouts = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofSeconds(1))
                .retryOn(TaskTimeoutException.class).build();
        RetryPolicy abortTimeouts = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofSeconds(1))
                .abortOn(TaskTimeoutException.class).build();
        RunHandle run = sup.submit(WorkflowSpec.builder("w").failureStrategy(FailureStrategy.CONTINUE)
                .task(task("retried").timeout(Duration.ofSeconds(5)).retryPolicy(retryTimeouts))
                .task(task("aborted").timeout(Duration.ofSeconds(5)).retryPolicy(abortTimeouts)).build());
        clock.advance(Duration.ofSeconds(6)); // both first attempts overrun before they get to run
        handedOver.remove().run();
        handedOver.remove().run();
        clock.advance(Duration.ofSeconds(1)); // back-off of the retried one
        handedOver.remove().run(); // its second attempt finishes in time

        assertThat(done(run).task("retried").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(done(run).task("retried").attempts()).isEqualTo(2);
        assertThat(done(run).task("aborted").state()).isEqualTo(TaskState.TIMED_OUT);
        assertThat(done(run).task("aborted").attempts()).isEqualTo(1);
        assertThat(done(run).task("aborted").error()).contains("TaskTimeoutException", "timed out after PT5S");
    }
}
