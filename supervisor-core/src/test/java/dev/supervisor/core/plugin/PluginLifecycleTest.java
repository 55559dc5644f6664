package dev.supervisor.core.plugin;

import static dev.supervisor.core.plugin.PluginTesting.config;
import static dev.supervisor.core.plugin.PluginTesting.drain;
import static dev.supervisor.core.plugin.PluginTesting.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.plugin.Capability;
import dev.supervisor.api.plugin.PluginHealth;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.plugin.testplugins.RecorderPlugin;
import dev.supervisor.core.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, the state machine as seen through the host, dependency order, health, and enable/disable. */
class PluginLifecycleTest {
    @TempDir
    Path dir;
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final List<PluginHost> hosts = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();

    @BeforeEach
    void reset() {
        Probe.reset();
    }

    @AfterEach
    void close() {
        hosts.forEach(PluginHost::close);
    }

    private PluginHost host(PluginHostConfig.Builder b) {
        PluginHost h = PluginHost.create(b.build());
        // tag::listener[]
        h.addListener(c -> changes.add(c.pluginId() + " " + c.from() + "->" + c.to()));
        // end::listener[]
        hosts.add(h);
        return h;
    }

    /* ---- life of one plugin ---- */

    @Test
    void loadStartStopUnload_movesThroughTheStatesAndDeliversOnThePluginsThread() {
        PluginHost host = host(config(clock).grant("recorder", "events"));
        PluginResolution r = host.load(PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class));
        assertThat(r.isValid()).isTrue();
        PluginHandle recorder = host.plugin("recorder").orElseThrow();
        assertThat(recorder.state()).isEqualTo(PluginState.RESOLVED);
        assertThat(Probe.lines("recorder")).as("nothing instantiated before start").isEmpty();

        host.start("recorder");
        host.events().publish(succeeded("t1"));
        drain(host, "recorder");
        assertThat(recorder.granted()).containsExactly(Capability.events());
        assertThat(Probe.lines("recorder")).containsExactly("started", "TaskSucceeded t1 on plugin-recorder-1");

        host.stop("recorder");
        host.events().publish(succeeded("t2"));
        host.unload("recorder");

        assertThat(Probe.lines("recorder")).containsExactly("started", "TaskSucceeded t1 on plugin-recorder-1",
                "stopped");
        assertThat(recorder.state()).isEqualTo(PluginState.UNLOADED);
        assertThat(host.plugin("recorder")).isEmpty();
        assertThat(changes).containsExactly("recorder CREATED->RESOLVED", "recorder RESOLVED->STARTED",
                "recorder STARTED->STOPPED", "recorder STOPPED->UNLOADED");
    }

    @Test
    void hostOperations_thatTheStateMachineForbids_throwNamingBothStates() {
        PluginHost host = host(config(clock).grant("recorder", "events"));
        host.load(PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class));

        assertThatThrownBy(() -> host.stop("recorder")).isInstanceOf(IllegalPluginStateException.class)
                .hasMessage("plugin 'recorder' cannot move from RESOLVED to STOPPED (from RESOLVED it may move to:"
                        + " [STARTED, FAILED, DISABLED, UNLOADED])");
        assertThatThrownBy(() -> host.enable("recorder")).isInstanceOf(IllegalPluginStateException.class)
                .hasMessageStartingWith("plugin 'recorder' cannot move from RESOLVED to CREATED");
        host.start("recorder");
        assertThatThrownBy(() -> host.start("recorder")).isInstanceOf(IllegalPluginStateException.class)
                .hasMessageStartingWith("plugin 'recorder' cannot move from STARTED to STARTED");
        assertThatThrownBy(() -> host.disable("recorder")).isInstanceOf(IllegalPluginStateException.class)
                .satisfies(e -> assertThat(((IllegalPluginStateException) e).to()).isEqualTo(PluginState.DISABLED));
        host.stop("recorder");
        assertThatThrownBy(() -> host.stop("recorder")).isInstanceOf(IllegalPluginStateException.class)
                .hasMessageStartingWith("plugin 'recorder' cannot move from STOPPED to STOPPED");
        host.unload("recorder");
        assertThatThrownBy(() -> host.start("recorder")).isInstanceOf(PluginException.class)
                .hasMessage("no plugin 'recorder' is loaded");
    }

    /* ---- dependency order ---- */

    /** Plugins A, B, C and Other, compiled once for the class: javac is the slow part of these tests. */
    private static final Map<String, String> GENERATED = Map.of(
            "A", "id = \"a\", version = \"1.0.0\"",
            "B", "id = \"b\", version = \"1.2.0\", dependencies = \"a@>=1 <2\"",
            "C", "id = \"c\", version = \"1.0.0\", dependencies = {\"b@>=1\", \"d?\"}",
            "Other", "id = \"other\", version = \"1.0.0\"");
    private static Path classes;

    @BeforeAll
    static void compile(@TempDir Path out) {
        Map<String, String> src = new LinkedHashMap<>();
        GENERATED.forEach((name, annotation) -> {
            Map.Entry<String, String> e = PluginJars.plugin(name, annotation, "");
            src.put(e.getKey(), e.getValue());
        });
        src.put("gen.Bad", PluginJars.plugin("Bad", "id = \"bad\", version = \"1.0.0\"",
                "public void start(PluginContext ctx) { throw new IllegalStateException(\"no config\"); }").getValue());
        src.put("gen.NeedsBad", PluginJars.plugin("NeedsBad", "id = \"needs-bad\", version = \"1.0.0\","
                + " dependencies = \"bad\"", "").getValue());
        classes = PluginJars.compile(out, src);
    }

    /** A jar of one generated plugin: its class only. */
    private Path generated(String jarName, String className) {
        try {
            Path only = Files.createDirectories(dir.resolve("classes-" + className + "/gen"));
            Files.copy(classes.resolve("gen/" + className + ".class"), only.resolve(className + ".class"));
            return PluginJars.jar(dir.resolve(jarName), "gen." + className, only.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void startAll_startsDependenciesFirst_andStopAllStopsInReverse() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        // File names put the dependents first, so load order is the opposite of start order.
        generated("plugins/1-c.jar", "C");
        generated("plugins/2-b.jar", "B");
        generated("plugins/3-a.jar", "A");
        PluginHost host = host(config(clock));

        PluginResolution r = host.loadDirectory(plugins);
        assertThat(r.startOrder()).containsExactly("a", "b", "c");
        assertThat(host.startAll()).isEmpty();
        host.stopAll();

        assertThat(Probe.lines("lifecycle")).containsExactly("start A", "start B", "start C", "stop C", "stop B",
                "stop A");
    }

    @Test
    void startAll_pluginThatFailsToStart_isFailedWhileItsDependentsWaitAndOthersStart() {
        generated("bad.jar", "Bad");
        generated("needs-bad.jar", "NeedsBad");
        generated("other.jar", "Other");
        PluginHost host = host(config(clock));
        List.of("bad.jar", "needs-bad.jar", "other.jar").forEach(j -> host.load(dir.resolve(j)));

        List<PluginException> failed = host.startAll();

        assertThat(failed).extracting(PluginException::pluginId).containsExactly("bad", "needs-bad");
        assertThat(failed.get(0))
                .hasMessage("plugin 'bad' failed to start: java.lang.IllegalStateException: no config");
        assertThat(failed.get(1)).hasMessageStartingWith("plugin 'needs-bad' needs plugin 'bad', which did not start:"
                + " plugin 'bad' cannot move from FAILED to STARTED");
        assertThat(host.plugin("bad").orElseThrow().state()).isEqualTo(PluginState.FAILED);
        assertThat(host.plugin("bad").orElseThrow().problem()).hasValue(
                "failed to start: java.lang.IllegalStateException: no config");
        assertThat(host.plugin("needs-bad").orElseThrow().state()).isEqualTo(PluginState.RESOLVED);
        assertThat(host.plugin("other").orElseThrow().state()).isEqualTo(PluginState.STARTED);
    }

    @Test
    void startAndStopOfOnePlugin_bringAlongWhatItNeedsAndWhatNeedsIt() {
        generated("a.jar", "A");
        generated("b.jar", "B");
        generated("other.jar", "Other");
        PluginHost host = host(config(clock));
        host.load(dir.resolve("b.jar"));
        host.load(dir.resolve("a.jar"));
        host.load(dir.resolve("other.jar"));

        assertThat(host.plugin("b").orElseThrow().state()).isEqualTo(PluginState.RESOLVED);
        host.start("b");
        host.start("other");
        host.stop("a");

        assertThat(Probe.lines("lifecycle")).containsExactly("start A", "start B", "start Other", "stop B",
                "stop A");
        assertThat(host.plugin("other").orElseThrow().state()).isEqualTo(PluginState.STARTED);
    }

    @Test
    void load_dependencyArrivesLater_resolvesThePluginThatWaitedForIt() {
        generated("a.jar", "A");
        generated("b.jar", "B");
        PluginHost host = host(config(clock));

        PluginResolution first = host.load(dir.resolve("b.jar"));
        assertThat(first.problems()).extracting(PluginProblem::message)
                .containsExactly("plugin 'b' needs plugin 'a' (>=1 <2), which is not present");
        assertThat(host.plugin("b").orElseThrow().state()).isEqualTo(PluginState.CREATED);
        assertThat(host.plugin("b").orElseThrow().problem()).hasValue(
                "plugin 'b' needs plugin 'a' (>=1 <2), which is not present");
        assertThatThrownBy(() -> host.start("b")).isInstanceOf(IllegalPluginStateException.class);

        assertThat(host.load(dir.resolve("a.jar")).isValid()).isTrue();
        assertThat(host.plugin("b").orElseThrow().state()).isEqualTo(PluginState.RESOLVED);
        assertThat(host.plugin("b").orElseThrow().problem()).isEmpty();
    }

    /* ---- health ---- */

    @Test
    void health_isAskedOfAStartedPluginAndDownOtherwise() {
        PluginHost host = host(config(clock).grant("recorder", "events")
                .settings("recorder", Map.of("health", "webhook slow")));
        host.load(PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class));
        PluginHandle recorder = host.plugin("recorder").orElseThrow();

        assertThat(recorder.health()).isEqualTo(PluginHealth.down("RESOLVED"));
        host.start("recorder");
        assertThat(recorder.health()).isEqualTo(PluginHealth.degraded("webhook slow"));
        host.stop("recorder");
        assertThat(recorder.health()).isEqualTo(PluginHealth.down("STOPPED"));
    }

    /* ---- enable / disable ---- */

    @Test
    void disable_survivesARestartOfTheHostThroughItsStore() {
        Path jar = PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class);
        Path states = dir.resolve("state/plugins.properties");
        PluginHost first = host(config(clock).grant("recorder", "events").stateStore(PluginStateStore.file(states)));
        first.load(jar);
        // tag::disable[]
        first.disable("recorder");      // stays DISABLED, also after a restart with the same store
        // end::disable[]
        first.close();

        PluginHost second = host(config(clock).grant("recorder", "events").stateStore(PluginStateStore.file(states)));
        second.load(jar);
        PluginHandle recorder = second.plugin("recorder").orElseThrow();
        assertThat(recorder.state()).isEqualTo(PluginState.DISABLED);
        assertThatThrownBy(() -> second.start("recorder")).isInstanceOf(IllegalPluginStateException.class);

        second.enable("recorder");
        second.start("recorder");
        assertThat(recorder.state()).isEqualTo(PluginState.STARTED);
        assertThat(PluginStateStore.file(states).isEnabled("recorder")).isTrue();
    }

    @Test
    void disabledDependency_keepsItsDependentsFromStarting() {
        generated("a.jar", "A");
        generated("b.jar", "B");
        PluginHost host = host(config(clock));
        host.load(dir.resolve("a.jar"));
        host.load(dir.resolve("b.jar"));
        host.disable("a");

        assertThatThrownBy(() -> host.start("b")).isInstanceOf(PluginException.class)
                .hasMessage("plugin 'b' needs plugin 'a', which is disabled");
    }
}
