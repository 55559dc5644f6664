package dev.supervisor.api;

/**
 * Scheduling priority of a task. Ready tasks with a higher {@link #value()} start first.
 */
public enum Priority {
    /** Background work. */
    LOW(1),
    /** The default. */
    NORMAL(5),
    /** Ahead of normal work. */
    HIGH(7),
    /** Ahead of everything but critical work. */
    URGENT(9),
    /** Always first. */
    CRITICAL(10);

    private final int value;

    Priority(int value) {
        this.value = value;
    }

    /**
     * @return the numeric weight (1 to 10)
     */
    public int value() {
        return value;
    }

    /**
     * Looks a priority up by its numeric weight.
     *
     * @param value 1, 5, 7, 9 or 10
     * @return the matching priority
     * @throws IllegalArgumentException if no priority has that weight
     */
    public static Priority ofValue(int value) {
        for (Priority p : values()) {
            if (p.value == value) {
                return p;
            }
        }
        throw new IllegalArgumentException("priority value must be one of 1, 5, 7, 9, 10 but was " + value);
    }
}
