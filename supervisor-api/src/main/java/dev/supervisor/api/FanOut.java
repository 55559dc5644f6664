package dev.supervisor.api;

import java.util.Objects;

/**
 * Makes a task dynamic: when it is about to run, {@code items} (an expression, typically over an upstream
 * output such as {@code tasks.discover.output.files}) yields a list, and one instance runs per element, with ids
 * {@code id[0]}, {@code id[1]}, … in list order. Instances share the task's type, config, retries, timeout,
 * tags and limits; each sees its element through {@link dev.supervisor.api.spi.TaskContext#fanOutItem()}.
 * Downstream tasks see the task's output as the list of the instances' outputs, in order. The task succeeds when
 * every instance does; a list longer than {@code maxWidth} fails it.
 *
 * @param items expression yielding the list
 * @param maxWidth the most instances allowed, 1 to 10,000
 */
public record FanOut(String items, int maxWidth) {
    /** Upper bound of {@link #maxWidth()}. */
    public static final int MAX_WIDTH = 10_000;

    /**
     * @throws IllegalArgumentException if the expression is blank or the width out of range
     */
    public FanOut {
        Objects.requireNonNull(items, "items");
        if (items.isBlank()) {
            throw new IllegalArgumentException("fan-out items expression must not be blank");
        }
        if (maxWidth < 1 || maxWidth > MAX_WIDTH) {
            throw new IllegalArgumentException("fan-out maxWidth must be in [1, " + MAX_WIDTH + "] but was "
                    + maxWidth);
        }
    }
}
