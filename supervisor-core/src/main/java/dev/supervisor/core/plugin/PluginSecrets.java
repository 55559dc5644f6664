package dev.supervisor.core.plugin;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the host looks up the secrets plugins ask for by name (a vault, environment variables, a file). A plugin
 * only reaches a secret it was granted ({@code secret:<name>}).
 */
@FunctionalInterface
public interface PluginSecrets {
    /**
     * @param name the secret's name
     * @return its value, if known
     */
    Optional<String> find(String name);

    /** @return no secrets at all */
    static PluginSecrets none() {
        return name -> Optional.empty();
    }

    /**
     * @param secrets names to values (copied)
     * @return secrets from the map
     */
    static PluginSecrets of(Map<String, String> secrets) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(secrets, "secrets"));
        return name -> Optional.ofNullable(copy.get(name));
    }
}
