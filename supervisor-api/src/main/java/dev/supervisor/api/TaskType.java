package dev.supervisor.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The type of a task: an open string that selects the {@link dev.supervisor.api.spi.TaskHandler} that runs it.
 * Any name works: {@code TaskType.of("etl.load")}.
 *
 * <p>The constants are a preset for coding-agent work: reviewing pull requests, summarising tracker issues,
 * analysing, refactoring and fixing code, building features, writing documentation and tests, deploying and
 * auditing security. They save a host that supervises such agents from spelling the names itself; the engine
 * treats them like any other type.
 *
 * @param name the type name: 1 to 128 characters of letters, digits, {@code . _ - : /}
 */
public record TaskType(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:/-]{1,128}");

    /** Review a pull request. */
    public static final TaskType PR_REVIEW = new TaskType("PR_REVIEW");
    /** Summarise an issue from a tracker. */
    public static final TaskType ISSUE_SUMMARY = new TaskType("ISSUE_SUMMARY");
    /** Analyse code. */
    public static final TaskType CODE_ANALYSIS = new TaskType("CODE_ANALYSIS");
    /** Refactor code. */
    public static final TaskType REFACTOR = new TaskType("REFACTOR");
    /** Fix a bug. */
    public static final TaskType BUG_FIX = new TaskType("BUG_FIX");
    /** Build a feature. */
    public static final TaskType FEATURE = new TaskType("FEATURE");
    /** Write documentation. */
    public static final TaskType DOCUMENTATION = new TaskType("DOCUMENTATION");
    /** Run or write tests. */
    public static final TaskType TESTING = new TaskType("TESTING");
    /** Deploy. */
    public static final TaskType DEPLOYMENT = new TaskType("DEPLOYMENT");
    /** Audit security. */
    public static final TaskType SECURITY_AUDIT = new TaskType("SECURITY_AUDIT");

    /**
     * @throws IllegalArgumentException if the name is null, empty, too long or has other characters
     */
    public TaskType {
        Objects.requireNonNull(name, "task type name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "task type must be 1-128 characters of [A-Za-z0-9._:/-] but was '" + name + "'");
        }
    }

    /**
     * @param name the type name
     * @return the task type
     * @throws IllegalArgumentException if the name is not valid
     */
    public static TaskType of(String name) {
        return new TaskType(name);
    }

    @Override
    public String toString() {
        return name;
    }

    // Written out rather than left to the record: task types are the key of every handler lookup, and the record's
    // generated methods run through method handles, which a fresh JVM interprets slowly until they are compiled.
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TaskType t && name.equals(t.name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
