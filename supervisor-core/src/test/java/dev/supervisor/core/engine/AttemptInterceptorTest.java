package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.WORK;
import static dev.supervisor.core.engine.EngineTestSupport.done;
import static dev.supervisor.core.engine.EngineTestSupport.task;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interceptors wrap every attempt, in order, on the handler's thread, and see its result or failure. */
class AttemptInterceptorTest {
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");

    @Test
    void interceptors_wrapEachAttemptInOrder_seeFailures_andCanChangeTheOutput() {
        List<String> seen = new ArrayList<>();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run)
                .interceptor((ctx, next) -> {
                    seen.add("outer>" + ctx.task().id() + "#" + ctx.attempt());
                    try {
                        return next.proceed();
                    } catch (Exception e) {
                        seen.add("outer saw " + e.getMessage());
                        throw e;
                    } finally {
                        seen.add("outer<");
                    }
                })
                .interceptor((ctx, next) -> {
                    seen.add("inner>" + Thread.currentThread().getName().equals("main"));
                    Object out = next.proceed();
                    return out == null ? null : out + "!";
                })
                .handler(WORK, ctx -> {
                    seen.add("handler");
                    if (ctx.attempt() == 1) {
                        throw new IllegalStateException("first try");
                    }
                    return "out";
                }).build());
        RetryPolicy once = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofSeconds(1)).build();
        var run = sup.submit(WorkflowSpec.builder("w").task(task("a").retryPolicy(once)).build());
        clock.advance(Duration.ofSeconds(1));
        RunOutcome out = done(run);

        assertThat(out.task("a").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("a").output()).isEqualTo("out!");
        assertThat(seen).containsExactly("outer>a#1", "inner>true", "handler", "outer saw first try", "outer<",
                "outer>a#2", "inner>true", "handler", "outer<");
    }
}
