package dev.supervisor.api.plugin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a plugin declares about itself, read before any of its classes is instantiated: id, version, the host API
 * versions it works with, the plugins it needs, the capabilities it asks for and a description. The host reads it
 * from {@link SupervisorPlugin} on the plugin class; tests and tools build one with {@link #builder(String)}.
 * Immutable.
 */
public final class PluginDescriptor {
    private final String id;
    private final SemanticVersion version;
    private final VersionRange requires;
    private final List<PluginDependency> dependencies;
    private final Set<Capability> capabilities;
    private final String description;
    private final String source;

    private PluginDescriptor(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.requires = b.requires == null ? VersionRange.any() : b.requires;
        this.dependencies = List.copyOf(b.dependencies);
        this.capabilities = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(b.capabilities));
        this.description = b.description == null ? "" : b.description;
        this.source = b.source == null ? "plugin '" + b.id + "'" : b.source;
    }

    /**
     * @param id the plugin id: 1-64 characters of {@code [a-z0-9._-]}, starting with a letter or digit
     * @return a builder
     * @throws IllegalArgumentException if the id is not valid
     */
    public static Builder builder(String id) {
        return new Builder(PluginIds.check("plugin", id));
    }

    /** @return the plugin id; its topics are named {@code <id>/<name>} */
    public String id() {
        return id;
    }

    /** @return the plugin's version */
    public SemanticVersion version() {
        return version;
    }

    /** @return the host API versions the plugin works with (see {@link PluginApi#VERSION}) */
    public VersionRange requires() {
        return requires;
    }

    /** @return the plugins it depends on, in declaration order */
    public List<PluginDependency> dependencies() {
        return dependencies;
    }

    /** @return the capabilities it asks for, in declaration order */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** @return a one-line description, possibly empty */
    public String description() {
        return description;
    }

    /** @return where the descriptor was read, for messages: e.g. {@code plugin jar /opt/plugins/slack.jar} */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return id + "@" + version + " (requires " + requires + ", dependencies " + dependencies + ", capabilities "
                + capabilities + ", from " + source + ")";
    }

    /** Builds a {@link PluginDescriptor}; each single-valued option may be set once. */
    public static final class Builder {
        private final String id;
        private SemanticVersion version;
        private VersionRange requires;
        private final List<PluginDependency> dependencies = new ArrayList<>();
        private final Set<Capability> capabilities = new LinkedHashSet<>();
        private String description;
        private String source;

        private Builder(String id) {
            this.id = id;
        }

        /**
         * @param version the plugin's version, e.g. {@code 1.2.0}
         * @return this
         * @throws IllegalArgumentException if it is not a semantic version
         * @throws IllegalStateException if already set
         */
        public Builder version(String version) {
            return version(SemanticVersion.parse(Objects.requireNonNull(version, "version")));
        }

        /**
         * @param version the plugin's version
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder version(SemanticVersion version) {
            once("version", this.version);
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * @param range the host API versions it works with, e.g. {@code >=1.0 <2} (default: any)
         * @return this
         * @throws IllegalArgumentException if the range is not valid
         * @throws IllegalStateException if already set
         */
        public Builder requires(String range) {
            once("requires", requires);
            this.requires = VersionRange.parse(Objects.requireNonNull(range, "requires"));
            return this;
        }

        /**
         * @param dependency e.g. {@code slack@>=1.2 <2} or {@code metrics?}; may be called for each dependency
         * @return this
         * @throws IllegalArgumentException if it is not valid
         */
        public Builder dependency(String dependency) {
            return dependency(PluginDependency.parse(Objects.requireNonNull(dependency, "dependency")));
        }

        /**
         * @param dependency a dependency; may be called for each dependency
         * @return this
         */
        public Builder dependency(PluginDependency dependency) {
            dependencies.add(Objects.requireNonNull(dependency, "dependency"));
            return this;
        }

        /**
         * @param capability e.g. {@code http:hooks.slack.com}; may be called for each capability
         * @return this
         * @throws IllegalArgumentException if it is not valid
         */
        public Builder capability(String capability) {
            return capability(Capability.parse(Objects.requireNonNull(capability, "capability")));
        }

        /**
         * @param capability a capability to ask for; may be called for each capability
         * @return this
         */
        public Builder capability(Capability capability) {
            capabilities.add(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        /**
         * @param description one line
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder description(String description) {
            once("description", this.description);
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * @param source where the descriptor comes from, for messages (default {@code plugin '<id>'})
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder source(String source) {
            once("source", this.source);
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        private static void once(String option, Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
        }

        /**
         * @return the descriptor
         * @throws IllegalArgumentException if the version is missing, the plugin depends on itself or names a
         *         dependency twice
         */
        public PluginDescriptor build() {
            if (version == null) {
                throw new IllegalArgumentException("version is required for plugin '" + id + "'");
            }
            Set<String> seen = new LinkedHashSet<>();
            for (PluginDependency d : dependencies) {
                if (d.pluginId().equals(id)) {
                    throw new IllegalArgumentException("dependencies: plugin '" + id + "' depends on itself");
                }
                if (!seen.add(d.pluginId())) {
                    throw new IllegalArgumentException("dependencies: '" + d.pluginId() + "' is named twice");
                }
            }
            return new PluginDescriptor(this);
        }
    }
}
