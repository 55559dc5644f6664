package dev.supervisor.api.plugin;

/**
 * The version of the plugin API in this jar. A plugin's {@link SupervisorPlugin#requires()} range is checked
 * against it: minor versions add to the API, a major version may change or remove parts of it.
 */
public final class PluginApi {
    /** The plugin API version this host provides. */
    public static final SemanticVersion VERSION = SemanticVersion.of(1, 0, 0);

    private PluginApi() {
    }
}
