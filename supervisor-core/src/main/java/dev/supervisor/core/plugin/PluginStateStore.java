package dev.supervisor.core.plugin;

import dev.supervisor.core.plugin.internal.PropertiesStateStore;
import java.nio.file.Path;

/**
 * Remembers which plugins the host disabled, so that they stay disabled after a restart. Implementations must be
 * thread-safe.
 */
public interface PluginStateStore {
    /**
     * @param pluginId a plugin
     * @return false if it was disabled (plugins are enabled unless told otherwise)
     */
    boolean isEnabled(String pluginId);

    /**
     * @param pluginId a plugin
     * @param enabled its new setting
     * @throws java.io.UncheckedIOException if a file store cannot be written
     */
    void setEnabled(String pluginId, boolean enabled);

    /** @return a store that forgets everything when the JVM exits */
    static PluginStateStore inMemory() {
        return new PropertiesStateStore(null);
    }

    /**
     * A store in a properties file ({@code <plugin-id>=disabled}), rewritten atomically on each change.
     *
     * @param file the file; created on the first change
     * @return the store
     * @throws java.io.UncheckedIOException if an existing file cannot be read
     */
    static PluginStateStore file(Path file) {
        return new PropertiesStateStore(java.util.Objects.requireNonNull(file, "file"));
    }
}
