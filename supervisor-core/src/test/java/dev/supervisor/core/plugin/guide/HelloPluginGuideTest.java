package dev.supervisor.core.plugin.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.TopicEvent;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.plugin.PluginHostConfig;
import dev.supervisor.core.plugin.PluginJars;
import dev.supervisor.core.plugin.PluginResolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin of the README and the guide, built into a jar and loaded from a directory as a host would. */
class HelloPluginGuideTest {

    @Test
    void helloPlugin_fromAPluginsDirectory_publishesFailedTasksOnItsTopic(@TempDir Path dir) throws Exception {
        Path pluginsDir = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.of(pluginsDir.resolve("hello.jar"), HelloPlugin.class);
        Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .handler("flaky", ctx -> {
                    throw new IllegalStateException("disk full");
                }).build());

        // tag::host[]
        PluginHost plugins = PluginHost.create(PluginHostConfig.builder()
                .supervisor(supervisor)                 // plugins receive its events
                .grant("hello", "events")               // nothing is granted unless given here
                .build());
        PluginResolution resolution = plugins.loadDirectory(pluginsDir); // one class loader per jar
        resolution.problems().forEach(p -> System.err.println(p.message()));
        plugins.startAll();                             // in dependency order
        // end::host[]

        try (supervisor; plugins) {
            WorkflowSpec wf = WorkflowSpec.builder("nightly").task(TaskSpec.builder("load", TaskType.of("flaky")))
                    .build();
            assertThat(supervisor.submit(wf).outcome().join().status()).isEqualTo(RunStatus.FAILED);
            plugins.plugin("hello").orElseThrow().health(); // the plugin's queue has been worked off

            assertThat(resolution.isValid()).isTrue();
            List<TopicEvent> failures = plugins.events().history("hello/failures");
            assertThat(failures).extracting(TopicEvent::payload).containsExactly(Map.of("workflow", "nightly",
                    "task", "load", "error", "IllegalStateException: disk full"));
        }
    }
}
