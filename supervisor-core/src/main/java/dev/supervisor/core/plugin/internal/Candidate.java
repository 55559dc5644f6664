package dev.supervisor.core.plugin.internal;

import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginDescriptor;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * A plugin whose descriptor was read, not yet instantiated.
 *
 * @param descriptor its descriptor
 * @param provider creates instances
 * @param loader its own class loader, or null for a class path plugin
 * @param jar its jar, or null for a class path plugin
 */
record Candidate(PluginDescriptor descriptor, ServiceLoader.Provider<Plugin> provider, PluginClassLoader loader,
                 Path jar) {

    /** Closes the class loader, if the plugin has its own. */
    void close() {
        if (loader != null) {
            try {
                loader.close();
            } catch (java.io.IOException e) {
                // nothing left to do with it; the jar file handle is released either way
            }
        }
    }
}
