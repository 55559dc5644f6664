package dev.supervisor.api.plugin;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The descriptor of a plugin, on its {@link Plugin} class. The host reads it from the class listed in
 * {@code META-INF/services/dev.supervisor.api.plugin.Plugin} without creating an instance, resolves versions and
 * dependencies of every plugin, and only then instantiates the ones that resolved.
 *
 * <pre>{@code
 * @SupervisorPlugin(id = "slack", version = "1.0.0", requires = ">=1.0 <2",
 *         dependencies = {"templates@>=1.2 <2", "metrics?"}, capabilities = {"events", "http:hooks.slack.com"})
 * public final class SlackPlugin implements Plugin { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SupervisorPlugin {
    /** @return the plugin id: 1-64 characters of {@code [a-z0-9._-]}, starting with a letter or digit */
    String id();

    /** @return the plugin's semantic version, e.g. {@code 1.2.0} */
    String version();

    /** @return the host API versions it works with, e.g. {@code >=1.0 <2} (see {@link VersionRange}) */
    String requires() default "*";

    /** @return dependencies on other plugins, e.g. {@code slack@>=1.2 <2} or {@code metrics?} */
    String[] dependencies() default {};

    /** @return the capabilities it asks for, e.g. {@code http:hooks.slack.com} (see {@link Capability}) */
    String[] capabilities() default {};

    /** @return a one-line description */
    String description() default "";
}
