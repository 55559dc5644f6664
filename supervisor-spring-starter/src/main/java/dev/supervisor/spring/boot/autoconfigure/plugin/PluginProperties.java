package dev.supervisor.spring.boot.autoconfigure.plugin;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Plugins loaded from a directory, under {@code supervisor.plugins.*}. */
@ConfigurationProperties("supervisor.plugins")
public class PluginProperties {
    /** Load and start plugins. */
    private boolean enabled = true;
    /** Directory whose jars are loaded as plugins (none: no plugins). */
    private Path directory;
    /** Capabilities granted to each plugin, by plugin id (nothing is granted unless listed here). */
    private Map<String, List<String>> grants = new LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Path getDirectory() {
        return directory;
    }

    public void setDirectory(Path directory) {
        this.directory = directory;
    }

    public Map<String, List<String>> getGrants() {
        return grants;
    }

    public void setGrants(Map<String, List<String>> grants) {
        this.grants = grants;
    }
}
