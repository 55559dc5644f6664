package dev.supervisor.core.plugin;

import static dev.supervisor.core.plugin.PluginTesting.drain;
import static dev.supervisor.core.plugin.PluginTesting.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor.core.EventBuses;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.plugin.testplugins.RecorderPlugin;
import dev.supervisor.core.testing.Gc;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unloading leaves nothing behind: after 100 load/start/stop/unload cycles every plugin class loader is garbage
 * collected, every jar could be deleted, and no file descriptor is left open. The host uses its own timer here (a
 * manual clock keeps cancelled time limits until time passes them, and they reference the plugin's thread), with a
 * time limit no callback comes near.
 */
class PluginUnloadTest {
    private static final int CYCLES = 100;
    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        Probe.reset();
    }

    private static PluginHostConfig.Builder realTimer() {
        return PluginHostConfig.builder().sharePackages(Probe.PACKAGE).eventBus(EventBuses.create(64, Runnable::run))
                .callbackTimeout(Duration.ofMinutes(10)).grant("recorder", "events");
    }

    @Test
    void hundredCycles_leaveNoClassLoaderNoOpenJarAndNoExtraFileDescriptors() throws IOException {
        Path template = PluginJars.of(dir.resolve("template.jar"), RecorderPlugin.class);
        List<Path> jars = new ArrayList<>();
        int fdsAfterWarmUp = -1;
        try (PluginHost host = PluginHost.create(realTimer().build())) {
            for (int i = 0; i < CYCLES; i++) {
                Path jar = Files.copy(template, dir.resolve("recorder-" + i + ".jar"));
                jars.add(jar);
                host.load(jar);
                host.start("recorder");
                host.events().publish(succeeded("t" + i));
                drain(host, "recorder");
                host.stop("recorder");
                host.unload("recorder");
                Files.delete(jar);
                if (i == 9) {
                    fdsAfterWarmUp = openFileDescriptors().size();
                }
            }
            assertThat(Probe.lines("recorder")).filteredOn(l -> l.startsWith("TaskSucceeded")).hasSize(CYCLES);
            List<WeakReference<Object>> loaders = Probe.weak();
            assertThat(loaders).hasSize(CYCLES);

            assertThat(Gc.until(() -> loaders.stream().allMatch(r -> r.get() == null)))
                    .as("every plugin class loader collected (%d left)", loaders.stream().filter(r -> r.get() != null)
                            .count()).isTrue();
            List<String> fds = openFileDescriptors();
            assertThat(fds).noneMatch(fd -> jars.stream().anyMatch(j -> fd.contains(j.getFileName().toString())));
            if (fdsAfterWarmUp >= 0) {
                assertThat(fds.size()).as("open file descriptors").isLessThanOrEqualTo(fdsAfterWarmUp + 3);
            }
        }
    }

    @Test
    void oneCycle_releasesTheClassLoaderAndTheJar() throws IOException {
        Path jar = PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class);
        try (PluginHost host = PluginHost.create(realTimer().build())) {
            host.load(jar);
            host.start("recorder");
            PluginHandle kept = host.plugin("recorder").orElseThrow(); // a handle kept by the caller
            host.unload("recorder");

            assertThat(Gc.cleared(Probe.weak().get(0))).as("class loader collected").isTrue();
            assertThat(openFileDescriptors()).noneMatch(fd -> fd.endsWith("/recorder.jar"));
            assertThat(kept.state()).isEqualTo(PluginState.UNLOADED);
            Files.delete(jar);
        }
    }

    @Test
    void reload_ofAChangedJar_replacesThePluginWhileOthersKeepRunning() {
        Map.Entry<String, String> v1 = PluginJars.plugin("Beacon", "id = \"beacon\", version = \"1.0.0\"", "");
        Map.Entry<String, String> v2 = PluginJars.plugin("Beacon2", "id = \"beacon\", version = \"2.0.0\"", "");
        Path classes = PluginJars.compile(dir.resolve("classes"), Map.ofEntries(v1, v2));
        Path jar = dir.resolve("beacon.jar");
        PluginJars.jar(jar, v1.getKey(), classes);
        try (PluginHost host = PluginHost.create(realTimer().build())) {
            host.load(PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class));
            host.load(jar);
            host.startAll();
            List<String> recorderChanges = new ArrayList<>();
            host.addListener(c -> {
                if (c.pluginId().equals("recorder")) {
                    recorderChanges.add(c.from() + "->" + c.to());
                }
            });

            PluginJars.jar(jar, v2.getKey(), classes); // the same file, now with version 2.0.0
            host.reload("beacon");
            host.events().publish(succeeded("after-reload"));
            drain(host, "recorder");

            assertThat(host.plugin("beacon").orElseThrow().descriptor().version()).hasToString("2.0.0");
            assertThat(host.plugin("beacon").orElseThrow().state()).isEqualTo(PluginState.STARTED);
            assertThat(Probe.lines("lifecycle")).containsExactly("start Beacon", "stop Beacon", "start Beacon2");
            assertThat(recorderChanges).isEmpty();
            assertThat(Probe.lines("recorder")).anyMatch(l -> l.startsWith("TaskSucceeded after-reload"));
        }
    }

    /** Where each open descriptor of this process points, on Linux; the test is skipped elsewhere. */
    private static List<String> openFileDescriptors() throws IOException {
        Path fd = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fd), "needs /proc/self/fd (Linux)");
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.list(fd)) {
            for (Path p : all.toList()) {
                try {
                    out.add(Files.readSymbolicLink(p).toString());
                } catch (IOException e) {
                    // closed between listing and reading: the listing's own descriptor, typically
                }
            }
        }
        return out;
    }
}
