package dev.supervisor.spring.boot.testplugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Writes a plugin jar from a plugin class of the test sources (with its nested classes) and its services file. */
public final class PluginJar {
    private PluginJar() {
    }

    /**
     * @param jar the jar to write
     * @param plugin the plugin class
     * @return the jar
     */
    public static Path write(Path jar, Class<?> plugin) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> siblings = Files.list(Path.of(plugin.getResource(plugin.getSimpleName() + ".class")
                     .toURI()).getParent())) {
            String dir = plugin.getPackageName().replace('.', '/') + "/";
            for (Path f : siblings.filter(f -> f.getFileName().toString().equals(plugin.getSimpleName() + ".class")
                    || f.getFileName().toString().startsWith(plugin.getSimpleName() + "$")).sorted().toList()) {
                put(out, dir + f.getFileName(), Files.readAllBytes(f));
            }
            put(out, "META-INF/services/dev.supervisor.api.plugin.Plugin",
                    (plugin.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(bytes);
        out.closeEntry();
    }
}
