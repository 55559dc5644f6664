package dev.supervisor.core.plugin;

/**
 * A plugin was asked to move to a state it cannot reach from where it is (see {@link PluginState}), e.g.
 * {@code plugin 'slack' cannot move from UNLOADED to STARTED (from UNLOADED it may move to: nothing)}.
 */
public class IllegalPluginStateException extends PluginException {
    private static final long serialVersionUID = 1L;

    private final PluginState from;
    private final PluginState to;

    /**
     * @param pluginId the plugin
     * @param from its state
     * @param to the state asked for
     */
    public IllegalPluginStateException(String pluginId, PluginState from, PluginState to) {
        super(pluginId, "plugin '" + pluginId + "' cannot move from " + from + " to " + to + " (from " + from
                + " it may move to: " + (from.next().isEmpty() ? "nothing" : from.next()) + ")", null);
        this.from = from;
        this.to = to;
    }

    /** @return the plugin's state */
    public PluginState from() {
        return from;
    }

    /** @return the state asked for */
    public PluginState to() {
        return to;
    }
}
