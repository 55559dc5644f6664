package dev.supervisor.spring.boot.autoconfigure;

import java.util.function.Consumer;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Hands property values to the library's fail-fast builders and turns their refusal into Boot's invalid-property
 * error, so that start-up stops with a message naming the property, its value and the builder's reason (the
 * ranges live in the library only).
 */
public final class PropertyChecks {
    private PropertyChecks() {
    }

    /**
     * @param property the property's full name, e.g. {@code supervisor.max-concurrency}
     * @param value its value; nothing happens when null
     * @param setter the builder option it sets
     * @param <T> the value's type
     * @throws InvalidConfigurationPropertyValueException if the builder refuses the value
     */
    public static <T> void set(String property, T value, Consumer<? super T> setter) {
        if (value == null) {
            return;
        }
        try {
            setter.accept(value);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw invalid(property, value, e.getMessage());
        }
    }

    /**
     * @param property the property's full name
     * @param value its value
     * @param reason why it is refused
     * @return the exception to throw
     */
    public static InvalidConfigurationPropertyValueException invalid(String property, Object value, String reason) {
        return new InvalidConfigurationPropertyValueException(property, value, reason);
    }
}
