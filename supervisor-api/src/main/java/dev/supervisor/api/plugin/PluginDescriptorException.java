package dev.supervisor.api.plugin;

import dev.supervisor.api.SupervisorException;
import java.util.Objects;

/**
 * A plugin's descriptor cannot be read: the message names where it comes from (the jar, or the class on the
 * class path), the field and the reason, e.g. {@code plugin jar /opt/plugins/slack.jar: version: '1.x' is not a
 * semantic version: expected MAJOR.MINOR.PATCH}.
 */
public class PluginDescriptorException extends SupervisorException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String field;
    private final String reason;

    /**
     * @param source where the descriptor was read
     * @param field the field that is wrong, e.g. {@code version}
     * @param reason what is wrong with it
     */
    public PluginDescriptorException(String source, String field, String reason) {
        super(source + ": " + field + ": " + reason);
        this.source = Objects.requireNonNull(source, "source");
        this.field = Objects.requireNonNull(field, "field");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return where the descriptor was read */
    public String source() {
        return source;
    }

    /** @return the field that is wrong */
    public String field() {
        return field;
    }

    /** @return what is wrong with it */
    public String reason() {
        return reason;
    }
}
