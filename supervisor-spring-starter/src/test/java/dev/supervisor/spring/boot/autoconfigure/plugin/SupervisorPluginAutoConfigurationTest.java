package dev.supervisor.spring.boot.autoconfigure.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.testplugins.BrokenPlugin;
import dev.supervisor.spring.boot.testplugins.GreeterPlugin;
import dev.supervisor.spring.boot.testplugins.PluginJar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorPluginAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                    SupervisorPluginAutoConfiguration.class));
    @TempDir
    Path dir;

    @BeforeEach
    void jars() {
        PluginJar.write(dir.resolve("greeter.jar"), GreeterPlugin.class);
        PluginJar.write(dir.resolve("broken.jar"), BrokenPlugin.class);
    }

    private ApplicationContextRunner withPlugins() {
        return runner.withPropertyValues("supervisor.plugins.directory=" + dir,
                "supervisor.plugins.grants.greeter=events", "supervisor.plugins.settings.greeter.greeting=salut");
    }

    private static RunOutcome greet(Supervisor supervisor) throws Exception {
        return supervisor.submit(WorkflowSpec.builder("greeting").task(TaskSpec.builder("g", TaskType.of("greet")))
                .build(), Map.of("name", "Ada")).outcome().get(30, TimeUnit.SECONDS);
    }

    @Test
    void directory_loadsAndStartsThePlugins_andTheirTaskTypesAreTheSupervisors() {
        withPlugins().run(ctx -> {
            PluginHost host = ctx.getBean(PluginHost.class);
            assertThat(host.plugin("greeter").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            assertThat(host.plugin("broken").orElseThrow().state()).isEqualTo(PluginState.FAILED);
            assertThat(host.plugin("broken").orElseThrow().problem()).hasValueSatisfying(p ->
                    assertThat(p).contains("no licence file"));
            Supervisor supervisor = ctx.getBean(Supervisor.class);
            assertThat(supervisor.events()).isSameAs(ctx.getBean(EventBus.class));
            RunOutcome out = greet(supervisor);
            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(out.task("g").output()).isEqualTo("salut Ada");
        });
    }

    @Test
    void health_namesEachPluginsState_andStaysUp() {
        withPlugins().run(ctx -> {
            Health health = ctx.getBean("supervisorPluginsHealthIndicator", PluginsHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("greeter", "STARTED");
            assertThat((String) health.getDetails().get("broken")).startsWith("FAILED: ").contains("no licence file");
        });
    }

    @Test
    void closingTheContext_stopsThePlugins_afterTheSupervisor() {
        PluginHost[] host = new PluginHost[1];
        withPlugins().run(ctx -> host[0] = ctx.getBean(PluginHost.class));
        assertThat(host[0].plugins()).allSatisfy(p -> assertThat(p.state()).isEqualTo(PluginState.UNLOADED));
    }

    @Test
    void noDirectory_noHost() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(PluginHost.class).doesNotHaveBean(EventBus.class));
        runner.withPropertyValues("supervisor.plugins.directory=" + dir, "supervisor.plugins.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(PluginHost.class));
    }

    @Test
    void badSettings_failTheStart_namingTheProperty() {
        runner.withPropertyValues("supervisor.plugins.directory=" + dir.resolve("missing")).run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining(
                        "supervisor.plugins.directory").hasMessageContaining("not a directory"));
        withPlugins().withPropertyValues("supervisor.plugins.grants.broken=files:/etc").run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining(
                        "supervisor.plugins.grants.broken"));
    }

    @Test
    void taskTypeOfAPluginAndOfABean_failsTheStart() {
        TaskHandler bean = new TaskHandler() {
            @Override
            public Set<TaskType> types() {
                return Set.of(TaskType.of("greet"));
            }

            @Override
            public Object execute(TaskContext context) {
                return "from a bean";
            }
        };
        withPlugins().withBean(TaskHandler.class, () -> bean).run(ctx -> assertThat(ctx).hasFailed().getFailure()
                .hasStackTraceContaining("task type greet is served by a plugin and also by a TaskHandler"));
    }

    @Test
    void listedTaskTypes_areRunByWhicheverPluginStartsLater() {
        withPlugins().withPropertyValues("supervisor.plugins.task-types=greet,wave").run(ctx -> {
            PluginHost host = ctx.getBean(PluginHost.class);
            host.stop("greeter");
            assertThat(greet(ctx.getBean(Supervisor.class)).task("g").error()).contains("no started plugin");
            host.start("greeter");
            assertThat(greet(ctx.getBean(Supervisor.class)).task("g").output()).isEqualTo("salut Ada");
        });
    }
}
