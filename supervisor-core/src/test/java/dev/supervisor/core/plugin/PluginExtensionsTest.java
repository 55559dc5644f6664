package dev.supervisor.core.plugin;

import static dev.supervisor.core.plugin.PluginTesting.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.EventBus;
import dev.supervisor.api.plugin.WebhookRequest;
import dev.supervisor.api.plugin.WebhookResponse;
import dev.supervisor.core.EventBuses;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.plugin.testplugins.ToolsPlugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's extensions reached through the host: by the engine, by name, and from the bus. */
class PluginExtensionsTest {
    private static final TaskType GREET = TaskType.of("greet");
    @TempDir
    Path dir;
    private Supervisor supervisor;
    private PluginHost host;

    @BeforeEach
    void start() {
        Probe.reset();
        PluginHostConfig.Builder config = PluginHostConfig.builder().sharePackages(Probe.PACKAGE)
                .grant("tools", "events");
        // tag::engine[]
        EventBus bus = EventBuses.create(1024, Runnable::run);
        AtomicReference<Supervisor> engine = new AtomicReference<>();
        PluginHost plugins = PluginHost.create(config
                .eventBus(bus)                       // plugins see the engine's events
                .supervisor(engine::get)             // and may submit to it (if granted "workflows")
                .build());
        engine.set(Supervisor.create(SupervisorConfig.builder()
                .eventBus(bus)
                .handler(GREET, plugins.taskHandler(GREET)) // runs on whichever plugin registers "greet"
                .build()));
        // end::engine[]
        host = plugins;
        supervisor = engine.get();
        host.load(PluginJars.of(dir.resolve("tools.jar"), ToolsPlugin.class));
        host.start("tools");
    }

    @AfterEach
    void close() {
        supervisor.close();
        host.close();
    }

    @Test
    void taskHandler_runsTheTaskInThePluginWithItsClassLoader_andNotificationsFollowTheRun() {
        RunOutcome out = supervisor.submit(WorkflowSpec.builder("hello").task(TaskSpec.builder("greet", GREET))
                .build(), Map.of("name", "Ada")).outcome().join();
        drain(host, "tools");

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.task("greet").output()).isEqualTo("hello Ada from plugin-tools");
        assertThat(Probe.lines("tools")).contains("notified SUCCEEDED").contains("measured RunStarted",
                "measured TaskStarted", "measured TaskSucceeded", "measured RunFinished");
    }

    @Test
    void taskHandler_withoutAStartedPlugin_failsTheAttemptNamingTheType() {
        host.stop("tools");
        RunOutcome out = supervisor.submit(WorkflowSpec.builder("hello").task(TaskSpec.builder("greet", GREET))
                .build()).outcome().join();

        assertThat(out.status()).isEqualTo(RunStatus.FAILED);
        assertThat(out.task("greet").error()).contains("no started plugin handles task type greet");
    }

    @Test
    void dataSourceAndWebhook_areFoundByNameAndRunOnThePluginsThreads() throws Exception {
        assertThat(host.dataSource("colors").orElseThrow().read(Map.of("limit", 1))).isEqualTo(List.of("red"));
        assertThat(host.dataSource("unknown")).isEmpty();
        assertThat(host.webhook("echo", new WebhookRequest("POST", "/hooks/echo", Map.of(), "ping")))
                .isEqualTo(WebhookResponse.ok("POST ping"));
        assertThat(host.webhook("echo", new WebhookRequest("POST", "/hooks/echo", Map.of(), "fail")).status())
                .isEqualTo(500);
        assertThat(host.webhook("nobody", new WebhookRequest("GET", "/", Map.of(), "")).status()).isEqualTo(404);
        assertThat(host.plugin("tools").orElseThrow().stats().failures()).isEqualTo(1);
    }

    @Test
    void extensions_listWhatAStartedPluginRegistered_andNothingOnceStopped() {
        PluginHandle tools = host.plugin("tools").orElseThrow();
        assertThat(tools.extensions()).extracting(PluginHandle.Extension::toString).containsExactlyInAnyOrder(
                "task-handler:greet", "notification", "analytics", "data-source:colors", "integration:echo");
        host.stop("tools");
        assertThat(tools.extensions()).isEmpty();
    }

    @Test
    void stop_withdrawsEveryExtension() {
        host.stop("tools");
        assertThat(host.dataSource("colors")).isEmpty();
        assertThat(host.webhook("echo", new WebhookRequest("GET", "/", Map.of(), "")).status()).isEqualTo(404);
        assertThatThrownBy(() -> host.taskHandler(GREET).execute(null)).isInstanceOf(IllegalStateException.class);
    }
}
