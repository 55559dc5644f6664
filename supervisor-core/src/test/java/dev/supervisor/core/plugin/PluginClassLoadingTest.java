package dev.supervisor.core.plugin;

import static dev.supervisor.core.plugin.PluginTesting.config;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.core.plugin.PluginProblem.Kind;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.testing.ManualClock;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class loading: each plugin jar keeps its private libraries (two versions of one library side by side, and another
 * on the host's class path), host classes outside the shared packages stay invisible, API types are always the
 * host's, and a descriptor is read, or rejected naming jar, field and reason, before any plugin code runs.
 */
class PluginClassLoadingTest {
    @TempDir
    Path dir;
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private PluginHost host;

    @BeforeEach
    void reset() {
        Probe.reset();
    }

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    /** A tiny library, in two incompatible versions: 2.0 renamed the method. */
    private static String greeter(String version, String method) {
        return "package com.acme.greeting;\npublic final class Greeter {\n  public static String " + method
                + "() { return \"greeting " + version + "\"; }\n}\n";
    }

    private static String using(String id, String call) {
        return PluginJars.plugin(id.toUpperCase(), "id = \"" + id + "\", version = \"1.0.0\"",
                "public void start(PluginContext ctx) { Probe.record(\"libs\", \"" + id + ": \" + " + call
                        + " + \" from \" + com.acme.greeting.Greeter.class.getClassLoader().getName()); }").getValue();
    }

    @Test
    void twoPlugins_withConflictingVersionsOfALibrary_eachUseTheirOwn() throws Exception {
        Path v1 = PluginJars.compile(dir.resolve("greeter-1"), Map.of("com.acme.greeting.Greeter",
                greeter("1.0", "hello")));
        Path v2 = PluginJars.compile(dir.resolve("greeter-2"), Map.of("com.acme.greeting.Greeter",
                greeter("2.0", "greet")));
        Path a = PluginJars.compile(dir.resolve("a"), Map.of("gen.A", using("a",
                "com.acme.greeting.Greeter.hello()")), v1);
        Path b = PluginJars.compile(dir.resolve("b"), Map.of("gen.B", using("b",
                "com.acme.greeting.Greeter.greet()")), v2);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.jar(plugins.resolve("a.jar"), "gen.A", a, v1);
        PluginJars.jar(plugins.resolve("b.jar"), "gen.B", b, v2);
        // The host itself has version 2.0 on its class path: plugin a must still get its 1.0.
        Path hostLib = PluginJars.jar(dir.resolve("greeter-2.jar"), null, v2);
        try (URLClassLoader hostLoader = new URLClassLoader(new URL[] {hostLib.toUri().toURL()},
                Plugin.class.getClassLoader())) {
            host = PluginHost.create(config(clock).parentLoader(hostLoader).build());
            assertThat(host.loadDirectory(plugins).isValid()).isTrue();
            assertThat(host.startAll()).isEmpty();

            assertThat(Probe.lines("libs")).containsExactly("a: greeting 1.0 from plugin-a",
                    "b: greeting 2.0 from plugin-b");
        }
    }

    @Test
    void hostClassesOutsideTheSharedPackages_areNotVisibleToPlugins() {
        Map.Entry<String, String> snooper = PluginJars.plugin("Snooper", "id = \"snooper\", version = \"1.0.0\"",
                "public void start(PluginContext ctx) {\n"
                        + "  try { Class.forName(\"dev.supervisor.core.Supervisor\");"
                        + " Probe.record(\"snoop\", \"seen\"); }\n"
                        + "  catch (ClassNotFoundException e) { Probe.record(\"snoop\", e.getMessage()); }\n"
                        + "  Probe.record(\"snoop\", \"api from \" + Plugin.class.getClassLoader().getName());\n}");
        Path classes = PluginJars.compile(dir.resolve("snooper"), Map.ofEntries(snooper));
        // The jar also carries its own copy of an API class; the host's must win, or the host could not use it.
        Path jar = PluginJars.jar(dir.resolve("snooper.jar"), snooper.getKey(), classes, apiCopy());
        host = PluginHost.create(config(clock).build());
        host.load(jar);
        host.start("snooper");

        assertThat(Probe.lines("snoop")).hasSize(2);
        assertThat(Probe.lines("snoop").get(0)).startsWith("dev.supervisor.core.Supervisor is not in ")
                .endsWith("snooper.jar; a plugin sees its own jar, the JDK and the packages [dev.supervisor.api.,"
                        + " org.slf4j., dev.supervisor.core.plugin.probe.] of the host");
        assertThat(Probe.lines("snoop").get(1)).isEqualTo("api from " + Plugin.class.getClassLoader().getName());
        assertThat(host.plugin("snooper").orElseThrow().state()).isEqualTo(PluginState.STARTED);
    }

    private Path apiCopy() {
        try {
            Path copy = Files.createDirectories(dir.resolve("api-copy/dev/supervisor/api/plugin"));
            try (var in = Plugin.class.getResourceAsStream("Plugin.class")) {
                Files.write(copy.resolve("Plugin.class"), in.readAllBytes());
            }
            return dir.resolve("api-copy");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badDescriptors_areEachReportedNamingJarFieldAndReason_andNoPluginCodeRuns() throws Exception {
        String init = "static { Probe.record(\"init\", \"class initialised\"); }\n";
        Map<String, String> src = new LinkedHashMap<>();
        src.put("gen.Version", PluginJars.plugin("Version", "id = \"v\", version = \"1.x\"", init).getValue());
        src.put("gen.Cap", PluginJars.plugin("Cap", "id = \"cap\", version = \"1.0.0\", capabilities = {\"events\","
                + " \"files:/etc\"}", init).getValue());
        src.put("gen.Dep", PluginJars.plugin("Dep", "id = \"dep\", version = \"1.0.0\", dependencies ="
                + " \"other@>=1.y\"", init).getValue());
        src.put("gen.Id", PluginJars.plugin("Id", "id = \"Bad Id\", version = \"1.0.0\"", init).getValue());
        src.put("gen.Good", PluginJars.plugin("Good", "id = \"good\", version = \"1.0.0\"", init).getValue());
        src.put("gen.Bare", "package gen;\npublic final class Bare implements dev.supervisor.api.plugin.Plugin {\n"
                + "  public void start(dev.supervisor.api.plugin.PluginContext ctx) { }\n}\n");
        Path classes = PluginJars.compile(dir.resolve("classes"), src);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String name : List.of("Version", "Cap", "Dep", "Id", "Good", "Bare")) {
            PluginJars.jar(plugins.resolve(name.toLowerCase() + ".jar"), "gen." + name, classes);
        }
        PluginJars.jar(plugins.resolve("empty.jar"), null, Files.createDirectories(dir.resolve("nothing")));
        host = PluginHost.create(config(clock).build());

        PluginResolution r = host.loadDirectory(plugins);

        String p = "plugin jar " + plugins + "/";
        assertThat(r.problems()).allSatisfy(x -> assertThat(x.kind()).isEqualTo(Kind.INVALID_DESCRIPTOR))
                .extracting(PluginProblem::message).containsExactly(
                        p + "bare.jar: @SupervisorPlugin: class gen.Bare has no @SupervisorPlugin annotation",
                        p + "cap.jar: capabilities[1]: unknown capability 'files:/etc': expected one of http:<host>,"
                                + " secret:<name>, events, topics:<plugin-id>, workflows, schedule",
                        p + "dep.jar: dependencies[0]: version range '>=1.y' is not valid: '1.y' is not a version:"
                                + " 'y' is not a number",
                        p + "empty.jar: META-INF/services/dev.supervisor.api.plugin.Plugin: no plugin class is listed",
                        p + "id.jar: id: plugin id 'Bad Id' is not valid: use 1-64 characters of [a-z0-9._-],"
                                + " starting with a letter or digit",
                        p + "version.jar: version: '1.x' is not a semantic version: expected MAJOR.MINOR.PATCH");
        assertThat(r.startOrder()).containsExactly("good");
        assertThat(Probe.lines("init")).as("no plugin class initialised").isEmpty();

        host.start("good");
        assertThat(Probe.lines("init")).containsExactly("class initialised");
    }

    @Test
    void loadClasspath_findsPluginsOfTheParentLoader() throws Exception {
        Map.Entry<String, String> cp = PluginJars.plugin("Cp", "id = \"cp\", version = \"1.0.0\"", "");
        Path jar = PluginJars.jar(dir.resolve("cp.jar"), cp.getKey(), PluginJars.compile(dir.resolve("cp"),
                Map.ofEntries(cp)));
        try (URLClassLoader parent = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                Plugin.class.getClassLoader())) {
            host = PluginHost.create(config(clock).parentLoader(parent).build());
            assertThat(host.loadClasspath().startOrder()).containsExactly("cp");
            assertThat(host.plugin("cp").orElseThrow().descriptor().source()).isEqualTo("class path plugin gen.Cp");
            host.start("cp");
            host.unload("cp");
            assertThat(Probe.lines("lifecycle")).containsExactly("start Cp", "stop Cp");
        }
    }
}
