package dev.supervisor.core.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.supervisor.api.RunHandle;
import dev.supervisor.core.Supervisor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as a user on the module path sees it: an application module compiled with javac against the built
 * {@code dev.supervisor.api} and {@code dev.supervisor.core} modules, then run in a module layer of its own (with
 * the platform class loader as parent, so nothing of the test class path leaks in).
 */
class ModulePathTest {
    @TempDir
    static Path dir;
    private static List<Path> modulePath;

    @BeforeAll
    static void modulePath() throws ClassNotFoundException {
        // The modules dev.supervisor.core needs at run time; JGraphT brings two automatic modules of its own.
        modulePath = new ArrayList<>();
        for (Class<?> c : List.of(RunHandle.class, Supervisor.class, org.jgrapht.Graph.class, ObjectMapper.class,
                JsonParser.class, JsonProperty.class, Caffeine.class, org.slf4j.Logger.class,
                Class.forName("org.jheaps.AddressableHeap"), Class.forName("org.apfloat.Apfloat"))) {
            modulePath.add(location(c));
        }
    }

    @Test
    void applicationModule_requiringCoreOnly_runsAWorkflowWithAHandlerItProvides() throws Exception {
        Path classes = compile(dir.resolve("app"), Map.of(
                "module-info", """
                        module app {
                            requires dev.supervisor.core; // dev.supervisor.api comes with it
                            exports app;
                            provides dev.supervisor.api.spi.TaskHandler with app.Greeter;
                        }""",
                "app.Greeter", """
                        package app;
                        import dev.supervisor.api.TaskType;
                        import dev.supervisor.api.spi.TaskContext;
                        import dev.supervisor.api.spi.TaskHandler;
                        import java.util.Set;
                        public final class Greeter implements TaskHandler {
                            public record Greeting(String text, int length) {
                            }
                            public Object execute(TaskContext ctx) {
                                String text = "hello " + ctx.inputs().get("name");
                                return new Greeting(text, text.length());
                            }
                            public Set<TaskType> types() {
                                return Set.of(TaskType.of("greet"));
                            }
                        }""",
                "app.Main", """
                        package app;
                        import dev.supervisor.api.*;
                        import dev.supervisor.api.event.*;
                        import dev.supervisor.core.*;
                        import dev.supervisor.core.json.*;
                        import java.util.*;
                        public final class Main {
                            public static String run() {
                                Thread t = Thread.currentThread();
                                ClassLoader before = t.getContextClassLoader();
                                t.setContextClassLoader(Main.class.getClassLoader()); // where handlers are found
                                try {
                                    return runWorkflow();
                                } finally {
                                    t.setContextClassLoader(before);
                                }
                            }
                            private static String runWorkflow() {
                                EventBus bus = EventBuses.create(64, Runnable::run);
                                List<String> events = new ArrayList<>();
                                bus.subscribe(RunFinished.class, e -> events.add(EventJson.write(e)));
                                WorkflowSpec spec = WorkflowJson.read(WorkflowJson.write(WorkflowSpec.builder("hello")
                                        .task(TaskSpec.builder("greet", TaskType.of("greet"))).build()));
                                try (Supervisor s = Supervisor.create(SupervisorConfig.builder().eventBus(bus)
                                        .discoverHandlers(true).build())) {
                                    RunOutcome out = s.submit(spec, Map.of("name", "Ada")).outcome().join();
                                    return out.status() + " " + out.task("greet").output() + " "
                                            + events.get(0).contains("\\"status\\":\\"SUCCEEDED\\"");
                                }
                            }
                        }"""));

        ModuleLayer layer = layer(classes, "app");
        Object result = layer.findLoader("app").loadClass("app.Main").getMethod("run").invoke(null);

        assertThat(layer.findModule("dev.supervisor.core")).isPresent();
        assertThat(result).isEqualTo("SUCCEEDED {text=hello Ada, length=9} true");
    }

    @Test
    void applicationModule_usingAnInternalPackage_doesNotCompile() {
        StringWriter errors = new StringWriter();
        boolean compiled = javac(dir.resolve("bad"), Map.of(
                "module-info", "module bad { requires dev.supervisor.core; }",
                "bad.Peek", """
                        package bad;
                        public final class Peek {
                            Object engine = dev.supervisor.core.internal.engine.DefaultSupervisor.class;
                        }"""), errors);

        assertThat(compiled).isFalse();
        assertThat(errors.toString()).contains("package dev.supervisor.core.internal.engine is declared in module "
                + "dev.supervisor.core, which does not export it");
    }

    private static ModuleLayer layer(Path app, String root) {
        List<Path> all = new ArrayList<>(modulePath);
        all.add(app);
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(all.toArray(Path[]::new)), ModuleFinder.of(),
                Set.of(root));
        return boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    }

    private static Path compile(Path out, Map<String, String> sources) {
        StringWriter errors = new StringWriter();
        if (!javac(out, sources, errors)) {
            throw new IllegalStateException("does not compile:\n" + errors);
        }
        return out;
    }

    private static boolean javac(Path out, Map<String, String> sources, StringWriter errors) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        String path = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            // An explicit class path: in-process javac would otherwise see the test class path.
            return javac.getTask(errors, files, null, List.of("-d", out.toString(), "--module-path", path,
                    "-classpath", out.toString(), "-proc:none", "--release", "17"), null, units).call();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
