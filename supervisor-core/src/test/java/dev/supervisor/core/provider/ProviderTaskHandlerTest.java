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
        RunOutcome outcome = supervisor.submit(fix).outcome().join();
        // end::task-handler[]
        supervisor.close();

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

}
