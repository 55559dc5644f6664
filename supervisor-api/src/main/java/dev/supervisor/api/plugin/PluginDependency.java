package dev.supervisor.api.plugin;

import java.util.Objects;

/**
 * A plugin's dependency on another plugin, written {@code id}, {@code id@range} or either with a trailing
 * {@code ?} for an optional one: {@code slack@>=1.2 <2}, {@code metrics?}. A required dependency must be present
 * in a version the range allows; an optional one may be absent, but if present its version must still match.
 * Either way the dependency starts first.
 *
 * @param pluginId the plugin depended on
 * @param range the versions accepted
 * @param optional true if the plugin works without it
 */
public record PluginDependency(String pluginId, VersionRange range, boolean optional) {

    /**
     * @throws IllegalArgumentException if the id is not a valid plugin id
     */
    public PluginDependency {
        PluginIds.check("dependency", pluginId);
        Objects.requireNonNull(range, "range");
    }

    /**
     * @param text {@code id}, {@code id@range}, optionally followed by {@code ?}
     * @return the dependency
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static PluginDependency parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        boolean optional = s.endsWith("?");
        if (optional) {
            s = s.substring(0, s.length() - 1).strip();
        }
        int at = s.indexOf('@');
        String id = at < 0 ? s : s.substring(0, at).strip();
        if (id.endsWith("?")) { // "metrics?@>=1" puts the mark on the id
            optional = true;
            id = id.substring(0, id.length() - 1);
        }
        VersionRange range = at < 0 ? VersionRange.any() : VersionRange.parse(s.substring(at + 1));
        return new PluginDependency(id, range, optional);
    }

    /**
     * @param pluginId the plugin
     * @param range the accepted versions, e.g. {@code >=1.2 <2}
     * @return a required dependency
     */
    public static PluginDependency on(String pluginId, String range) {
        return new PluginDependency(pluginId, VersionRange.parse(range), false);
    }

    @Override
    public String toString() {
        return pluginId + (range.isAny() ? "" : "@" + range) + (optional ? "?" : "");
    }
}
