package dev.supervisor.spring.boot.autoconfigure.plugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    /** Settings of each plugin, by plugin id (not secrets: define a PluginSecrets bean for those). */
    private Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    /**
     * Task types run by plugins besides those the plugins register when the application starts (for plugins
     * started later, for example enabled through the REST API).
     */
    private List<String> taskTypes = new ArrayList<>();
    /** File that keeps which plugins are disabled across restarts (none: kept in memory). */
    private Path stateFile;
    /** How long one plugin callback may run before the plugin is quarantined. */
    private Duration callbackTimeout = Duration.ofSeconds(30);

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

    public Map<String, Map<String, String>> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, Map<String, String>> settings) {
        this.settings = settings;
    }

    public List<String> getTaskTypes() {
        return taskTypes;
    }

    public void setTaskTypes(List<String> taskTypes) {
        this.taskTypes = taskTypes;
    }

    public Path getStateFile() {
        return stateFile;
    }

    public void setStateFile(Path stateFile) {
        this.stateFile = stateFile;
    }

    public Duration getCallbackTimeout() {
        return callbackTimeout;
    }

    public void setCallbackTimeout(Duration callbackTimeout) {
        this.callbackTimeout = callbackTimeout;
    }
}
