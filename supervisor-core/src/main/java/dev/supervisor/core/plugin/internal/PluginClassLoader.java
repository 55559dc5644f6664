package dev.supervisor.core.plugin.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * One plugin jar's class loader. Shared packages (the API, SLF4J) come from the parent, so the host and every
 * plugin see the same {@code Plugin} and event types: a second copy of an API type in a plugin jar would make its
 * objects unusable by the host. JDK classes come from the platform loader. Everything else is the jar's own, even
 * if the host has a class of that name: two plugins can carry conflicting versions of a library, and host internals
 * stay out of reach. Resources follow the same rule, so {@code META-INF/services} lists only the jar's providers.
 */
final class PluginClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<String> shared;
    private final ClassLoader platform = ClassLoader.getPlatformClassLoader();
    private final String jar;

    PluginClassLoader(String pluginName, URL jar, ClassLoader parent, List<String> shared) {
        super("plugin-" + pluginName, new URL[] {jar}, parent);
        this.shared = shared;
        this.jar = jar.toString();
    }

    private boolean isShared(String className) {
        for (String prefix : shared) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSharedResource(String name) {
        return name.endsWith(".class") && isShared(name.replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                if (isShared(name)) {
                    c = getParent().loadClass(name);
                } else {
                    c = platformClass(name);
                    if (c == null) {
                        c = ownClass(name);
                    }
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private Class<?> platformClass(String name) {
        try {
            return platform.loadClass(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private Class<?> ownClass(String name) throws ClassNotFoundException {
        try {
            return findClass(name);
        } catch (ClassNotFoundException e) {
            throw new ClassNotFoundException(name + " is not in " + jar + "; a plugin sees its own jar, the JDK and "
                    + "the packages " + shared + " of the host", e);
        }
    }

    @Override
    public URL getResource(String name) {
        if (isSharedResource(name)) {
            return getParent().getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : platform.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isSharedResource(name)) {
            return getParent().getResources(name);
        }
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(platform.getResources(name)));
        return Collections.enumeration(all);
    }
}
