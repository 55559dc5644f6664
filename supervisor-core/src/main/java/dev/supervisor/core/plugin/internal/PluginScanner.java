package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginDescriptorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds plugins and reads their descriptors. {@link ServiceLoader.Provider#type()} loads the class without
 * initialising it, so no plugin code runs before resolution.
 */
final class PluginScanner {
    private static final String SERVICES = "META-INF/services/" + Plugin.class.getName();
    private final ClassLoader parent;
    private final List<String> shared;

    PluginScanner(ClassLoader parent, List<String> shared) {
        this.parent = parent;
        this.shared = shared;
    }

    static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + directory, e);
        }
    }

    /**
     * @return the jar's plugin; its loader is closed again if the descriptor cannot be read
     * @throws PluginDescriptorException naming the jar, the field and the reason
     */
    Candidate scanJar(Path jar) {
        String source = "plugin jar " + jar;
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        PluginClassLoader loader;
        try {
            loader = new PluginClassLoader(name, jar.toUri().toURL(), parent, shared);
        } catch (MalformedURLException e) {
            throw new PluginDescriptorException(source, "path", e.getMessage());
        }
        try {
            List<ServiceLoader.Provider<Plugin>> found = providers(ServiceLoader.load(Plugin.class, loader), source);
            if (found.size() != 1) {
                throw new PluginDescriptorException(source, SERVICES, found.isEmpty() ? "no plugin class is listed"
                        : "lists " + found.size() + " plugin classes; a jar holds one plugin");
            }
            ServiceLoader.Provider<Plugin> p = found.get(0);
            return new Candidate(DescriptorReader.read(p.type(), source), p, loader, jar);
        } catch (RuntimeException | LinkageError | java.util.ServiceConfigurationError e) {
            new Candidate(null, null, loader, jar).close();
            throw e instanceof PluginDescriptorException pde ? pde
                    : new PluginDescriptorException(source, SERVICES, String.valueOf(e.getMessage()));
        }
    }

    /** Plugins listed on the parent's class path; those whose descriptor cannot be read go to {@code bad}. */
    List<Candidate> scanClasspath(Consumer<PluginDescriptorException> bad) {
        List<Candidate> out = new ArrayList<>();
        for (ServiceLoader.Provider<Plugin> p : providers(ServiceLoader.load(Plugin.class, parent), "class path")) {
            String source = "class path plugin " + p.type().getName();
            try {
                out.add(new Candidate(DescriptorReader.read(p.type(), source), p, null, null));
            } catch (PluginDescriptorException e) {
                bad.accept(e);
            }
        }
        return out;
    }

    private static List<ServiceLoader.Provider<Plugin>> providers(ServiceLoader<Plugin> loader, String source) {
        try {
            return loader.stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new PluginDescriptorException(source, SERVICES, e.getMessage());
        }
    }
}
