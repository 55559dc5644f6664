package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The router plugged into the engine from outside, as a task handler. */
class ProviderTaskHandlerTest {

    @Test
    void handler_inARun_failsOverAndReturnsTheProviderHistory() {
        List<RoutingEvent> events = new CopyOnWriteArrayList<>();
        // tag::task-handler[]
        MockProvider flaky = MockProvider.builder("agent-a").pattern(dev.supervisor.api.provider.FailureKind.CRASHED)
                .latency(Duration.ZERO, Duration.ZERO).build();
        MockProvider steady = MockProvider.builder("agent-b").latency(Duration.ZERO, Duration.ZERO).build();
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder()
                .provider(flaky, 1, 1)
                .provider(steady, 2, 1)
                .listener(events::add)
                .build());
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .handler(TaskType.BUG_FIX, ProviderTaskHandler.of(router))
                .build());
        WorkflowSpec fix = WorkflowSpec.builder("fix-issue")
                .task(TaskSpec.builder("fix", TaskType.BUG_FIX)
                        .config(Map.of("prompt", "Fix the NPE in Parser.parse", "affinityKey", "github.com/acme/app")))
                .build();
        List<dev.supervisor.api.event.TaskEvent> lifecycle = new CopyOnWriteArrayList<>();
        supervisor.events().subscribe(dev.supervisor.api.event.TaskEvent.class, lifecycle::add);
        RunOutcome outcome = supervisor.submit(fix).outcome().join();
        // end::task-handler[]
        supervisor.close();

        // The engine's own events say which provider did the work, what it cost, and each call made.
        assertThat(lifecycle).filteredOn(e -> e instanceof dev.supervisor.api.event.TaskProviderAttempt)
                .extracting(e -> ((dev.supervisor.api.event.TaskProviderAttempt) e).outcome())
                .containsExactly("CRASHED", "SUCCEEDED");
        assertThat(lifecycle).filteredOn(e -> e instanceof dev.supervisor.api.event.TaskSucceeded)
                .singleElement().satisfies(e -> {
                    assertThat(e.provider()).isEqualTo("agent-b");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> o = (Map<String, Object>) outcome.task("fix").output();
                    assertThat(((dev.supervisor.api.event.TaskSucceeded) e).cost())
                            .isEqualTo(Double.parseDouble((String) o.get("cost")));
                });

        assertThat(outcome.status()).isEqualTo(RunStatus.SUCCEEDED);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) outcome.task("fix").output();
        assertThat(out).containsEntry("provider", "agent-b").containsEntry("currency", "USD");
        assertThat((List<?>) out.get("attempts")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) out.get("attempts")).get(0)).get("failure")).isEqualTo("CRASHED");
        assertThat(events).filteredOn(e -> e instanceof RoutingEvent.AttemptStarted).hasSize(2);
    }

    @Test
    void handler_everyProviderFails_theTaskFailsWithTheReasonNeverSucceeds() {
        MockProvider down = MockProvider.builder("down").pattern(dev.supervisor.api.provider.FailureKind.UNAVAILABLE)
                .latency(Duration.ZERO, Duration.ZERO).build();
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().provider(down).build());
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .handler(TaskType.REFACTOR, ProviderTaskHandler.of(router)).build());
        RunOutcome outcome = supervisor.submit(WorkflowSpec.builder("wf").failureStrategy(FailureStrategy.CONTINUE)
                .task(TaskSpec.builder("r", TaskType.REFACTOR).config(Map.of("prompt", "tidy")))
                .build()).outcome().join();
        supervisor.close();
        assertThat(outcome.task("r").state()).isEqualTo(TaskState.FAILED);
        assertThat(outcome.task("r").error()).contains("FAILED after 1 provider attempt(s)", "down UNAVAILABLE");
    }


    @Test
    void handler_deferredByAQuota_waitsWithoutFailing_andReusesTheAttemptNumber() {
        dev.supervisor.core.testing.ManualClock clock = dev.supervisor.core.testing.ManualClock.at(
                "2026-01-01T00:00:00Z");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.time.Instant reset = clock.instant().plusSeconds(60);
        dev.supervisor.api.spi.TaskHandler quotaThenOk = ctx -> {
            if (calls.incrementAndGet() == 1) {
                throw new dev.supervisor.api.TaskDeferredException(reset, "daily quota of agent-a used up");
            }
            return "done";
        };
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder().clock(clock).delayScheduler(clock)
                .executor(Runnable::run).handler(TaskType.REFACTOR, quotaThenOk).build());
        var run = supervisor.submit(WorkflowSpec.builder("wf").task(TaskSpec.builder("r", TaskType.REFACTOR)
                .retryPolicy(dev.supervisor.api.RetryPolicy.none())).build());
        assertThat(run.taskStates()).containsEntry("r", TaskState.RETRY_WAIT);
        clock.advance(Duration.ofSeconds(59));
        assertThat(calls).hasValue(1);
        clock.advance(Duration.ofSeconds(1));

        RunOutcome outcome = run.outcome().join();
        assertThat(outcome.task("r").state()).as("a deferral is not a failure, even with no retries")
                .isEqualTo(TaskState.SUCCEEDED);
        assertThat(outcome.task("r").attempts()).isEqualTo(1);
    }
}
