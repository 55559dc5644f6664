package dev.supervisor.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars in tests: from classes of the test sources (a plugin class and its nested classes, copied out of
 * the test output), or from Java sources compiled here with {@code javax.tools}.
 */
public final class PluginJars {
    private static final String SERVICES = "META-INF/services/dev.supervisor.api.plugin.Plugin";

    private PluginJars() {
    }

    /**
     * A jar holding a test-source plugin class, its nested classes and {@code extra} classes, listed as the plugin.
     *
     * @param jar the jar to write
     * @param plugin the plugin class
     * @param extra more classes to put in the jar (with their nested classes)
     * @return the jar
     */
    public static Path of(Path jar, Class<?> plugin, Class<?>... extra) {
        List<Class<?>> all = new ArrayList<>(List.of(extra));
        all.add(0, plugin);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> c : all) {
                Path file = Path.of(c.getResource(c.getSimpleName() + ".class").toURI());
                String dir = c.getPackageName().replace('.', '/') + "/";
                try (Stream<Path> siblings = Files.list(file.getParent())) {
                    for (Path f : siblings.filter(f -> f.getFileName().toString().equals(c.getSimpleName() + ".class")
                            || f.getFileName().toString().startsWith(c.getSimpleName() + "$")).sorted().toList()) {
                        put(out, dir + f.getFileName(), Files.readAllBytes(f));
                    }
                }
            }
            put(out, SERVICES, (plugin.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return jar;
    }

    /**
     * Compiles sources against the API and the probe (plus {@code classpath}) into a new directory.
     *
     * @param out the directory for the classes
     * @param sources class name to source text
     * @param classpath more class directories or jars to compile against
     * @return {@code out}
     */
    public static Path compile(Path out, Map<String, String> sources, Path... classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                java.net.URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        // Just the API and the probe: javac reading the whole test class path costs seconds.
        StringBuilder cp = new StringBuilder(location(dev.supervisor.api.plugin.Plugin.class)).append(
                java.io.File.pathSeparator).append(location(dev.supervisor.core.plugin.probe.Probe.class));
        for (Path p : classpath) {
            cp.append(java.io.File.pathSeparator).append(p);
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Files.createDirectories(out);
            java.io.StringWriter errors = new java.io.StringWriter();
            boolean ok = javac.getTask(errors, files, null, List.of("-d", out.toString(), "-classpath",
                    cp.toString(), "-proc:none", "--release", "17"), null, units).call();
            if (!ok) {
                throw new IllegalStateException("test sources do not compile:\n" + errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A jar of every class under the given directories, listing {@code pluginClass} as the plugin (none if null).
     *
     * @param jar the jar to write
     * @param pluginClass the plugin's class name, or null for a library jar
     * @param classDirs directories of compiled classes
     * @return the jar
     */
    public static Path jar(Path jar, String pluginClass, Path... classDirs) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path dir : classDirs) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                        put(out, dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            }
            if (pluginClass != null) {
                put(out, SERVICES, (pluginClass + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    /**
     * Source of a plugin class in package {@code gen}.
     *
     * @param className simple class name
     * @param annotation the {@code @SupervisorPlugin(...)} arguments
     * @param body members of the class (start, stop, ...), may be empty
     * @return class name to source
     */
    public static Map.Entry<String, String> plugin(String className, String annotation, String body) {
        return Map.entry("gen." + className, "package gen;\n"
                + "import dev.supervisor.api.plugin.*;\n"
                + "import dev.supervisor.core.plugin.probe.Probe;\n"
                + "@SupervisorPlugin(" + annotation + ")\n"
                + "public final class " + className + " implements Plugin {\n"
                + (body.contains("void start(") ? "" : "  public void start(PluginContext ctx) {"
                        + " Probe.record(\"lifecycle\", \"start " + className + "\"); }\n")
                + (body.contains("void stop(") ? "" : "  public void stop() {"
                        + " Probe.record(\"lifecycle\", \"stop " + className + "\"); }\n")
                + body + "\n}\n");
    }
}
