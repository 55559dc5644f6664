package dev.supervisor.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.WorkflowValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class FanOutTest {
    private static final TaskType DISCOVER = TaskType.of("discover");
    private static final TaskType REVIEW = TaskType.of("review");
    private static final TaskType JOIN = TaskType.of("join");
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    private Supervisor supervisor(java.util.concurrent.Executor executor, TaskHandler review, Object files) {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(executor).maxConcurrency(8)
                .typeLimit(REVIEW, 2)
                .handler(DISCOVER, ctx -> Map.of("files", files))
                .handler(REVIEW, review)
                .handler(JOIN, ctx -> ctx.upstreamOutput("review")).build());
        sup.events().subscribe(TaskEvent.class, e -> events.add(e.getClass().getSimpleName() + ":" + e.taskId()));
        return sup;
    }

    private static WorkflowSpec workflow(int maxWidth, RetryPolicy retry) {
        return WorkflowSpec.builder("fan").failureStrategy(FailureStrategy.CONTINUE)
                .task(TaskSpec.builder("discover", DISCOVER))
                .task(TaskSpec.builder("review", REVIEW).dependsOn("discover").retryPolicy(retry)
                        .fanOut("tasks.discover.output.files", maxWidth))
                .task(TaskSpec.builder("join", JOIN).dependsOn("review"))
                .build();
    }

    @Test
    void fanOut_threeItems_runsThreeInstancesAndJoinsOutputsInOrder() {
        RunOutcome out = supervisor(Runnable::run, ctx -> "reviewed " + ctx.fanOutItem().orElseThrow() + " #"
                + ctx.fanOutIndex(), List.of("a.java", "b.java", "c.java"))
                .submit(workflow(10, RetryPolicy.none())).outcome().join();

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.task("join").output()).isEqualTo(List.of("reviewed a.java #0", "reviewed b.java #1",
                "reviewed c.java #2"));
        assertThat(out.tasks().keySet()).containsExactly("discover", "review[0]", "review[1]", "review[2]", "review",
                "join");
        assertThat(out.task("review[1]").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(events).contains("TaskStarted:review[2]").noneMatch(e -> e.contains("review[3]"));
        assertThat(out.criticalPath()).first().isEqualTo("discover");
        assertThat(out.criticalPath()).last().isEqualTo("join");
        assertThat(out.criticalPath()).contains("review").anyMatch(id -> id.startsWith("review["));
    }

    @Test
    void fanOut_emptyList_succeedsWithNoInstances() {
        RunOutcome out = supervisor(Runnable::run, ctx -> "x", List.of()).submit(workflow(5, RetryPolicy.none()))
                .outcome().join();
        assertThat(out.task("review").state()).isEqualTo(TaskState.SUCCEEDED);
        assertThat(out.task("join").output()).isEqualTo(List.of());
        assertThat(out.tasks()).hasSize(3);
    }

    @Test
    void fanOut_tooManyItems_failsTheTaskNamingTheLimit() {
        RunOutcome out = supervisor(Runnable::run, ctx -> "x", List.of(1, 2, 3)).submit(workflow(2,
                RetryPolicy.none())).outcome().join();
        assertThat(out.task("review").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("review").error()).isEqualTo("fan-out of 'review' produced 3 items; maxWidth is 2");
        assertThat(out.task("join").state()).isEqualTo(TaskState.UPSTREAM_FAILED);
    }

    @Test
    void fanOut_notAList_failsTheTask() {
        RunOutcome out = supervisor(Runnable::run, ctx -> "x", "just-a-string").submit(workflow(2,
                RetryPolicy.none())).outcome().join();
        assertThat(out.task("review").error()).contains("must be a list");
    }

    @Test
    void fanOut_instanceRetries_andOneFailureFailsTheTask() {
        AtomicInteger calls = new AtomicInteger();
        RetryPolicy once = RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ZERO).build();
        RunOutcome out = supervisor(Runnable::run, ctx -> {
            calls.incrementAndGet();
            if (ctx.fanOutItem().orElseThrow().equals("bad")) {
                throw new IllegalStateException("cannot review");
            }
            if (ctx.attempt() == 1) {
                throw new java.io.IOException("flaky");
            }
            return ctx.fanOutItem().get();
        }, List.of("ok", "bad")).submit(workflow(4, once)).outcome().join();
        assertThat(out.task("review[0]").attempts()).isEqualTo(2);
        assertThat(out.task("review").state()).isEqualTo(TaskState.FAILED);
        assertThat(out.task("review").error()).isEqualTo("instance 'review[1]' FAILED: IllegalStateException: cannot"
                + " review");
        assertThat(calls).hasValue(4);
    }

    @Test
    void fanOut_instancesRespectTheTypeLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger max = new AtomicInteger();
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                items.add(i);
            }
            RunOutcome out = supervisor(pool, ctx -> {
                max.accumulateAndGet(now.incrementAndGet(), Math::max);
                LockSupport.parkNanos(200_000);
                now.decrementAndGet();
                return ctx.fanOutIndex();
            }, items).submit(workflow(50, RetryPolicy.none())).outcome().get(60, TimeUnit.SECONDS);
            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(out.task("join").output()).asList().hasSize(30).startsWith(0, 1, 2);
            assertThat(max.get()).isBetween(1, 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fanOut_reservedInstanceId_isRejectedAtSubmit() {
        Supervisor sup = supervisor(Runnable::run, ctx -> "x", List.of());
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("discover", DISCOVER))
                .task(TaskSpec.builder("review", REVIEW).dependsOn("discover").fanOut("[1]", 2))
                .task(TaskSpec.builder("review[1]", JOIN)).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sup.submit(wf))
                .isInstanceOf(WorkflowValidationException.class).hasMessageContaining("reserved for an instance");
    }

    @Test
    void fanOut_badItemsExpression_isReportedAtSubmit() {
        Supervisor sup = supervisor(Runnable::run, ctx -> "x", List.of());
        WorkflowSpec wf = WorkflowSpec.builder("w").task(TaskSpec.builder("review", REVIEW).fanOut("tasks.", 2))
                .build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sup.submit(wf))
                .hasMessageContaining("INVALID_EXPRESSION").hasMessageContaining("fan-out items of task 'review'");
    }
}
