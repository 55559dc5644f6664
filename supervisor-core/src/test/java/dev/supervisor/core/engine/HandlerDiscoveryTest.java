package dev.supervisor.core.engine;

import static dev.supervisor.core.engine.EngineTestSupport.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.WorkflowValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerDiscoveryTest {
    private final WorkflowSpec echo = WorkflowSpec.builder("w")
            .task(TaskSpec.builder("e", DiscoveredEchoHandler.ECHO).config(Map.of("text", "hi"))).build();

    @Test
    void discoverHandlers_serviceLoaderProvider_runsTasksOfItsType() {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run).discoverHandlers(true)
                .build());
        assertThat(done(sup.submit(echo)).task("e").output()).isEqualTo("echo:hi");
    }

    @Test
    void discoverHandlers_explicitRegistration_wins() {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run).discoverHandlers(true)
                .handler(DiscoveredEchoHandler.ECHO, ctx -> "explicit").build());
        assertThat(done(sup.submit(echo)).task("e").output()).isEqualTo("explicit");
    }

    @Test
    void discoverHandlers_off_leavesTypeUnhandled() {
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().executor(Runnable::run).build());
        assertThatThrownBy(() -> sup.submit(echo)).isInstanceOf(WorkflowValidationException.class)
                .hasMessageContaining("no handler is registered for task type 'test.echo'");
    }
}
