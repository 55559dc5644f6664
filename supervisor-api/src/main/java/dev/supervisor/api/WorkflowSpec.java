package dev.supervisor.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable specification of a workflow: a set of tasks and the dependencies between them. Build with
 * {@link #builder(String)}. The builder accepts any list of tasks; structural problems (duplicate ids, unknown
 * dependencies, cycles) are all reported together when the workflow is validated or submitted.
 */
public final class WorkflowSpec {
    private final String id;
    private final String name;
    private final List<TaskSpec> tasks;
    private final FailureStrategy failureStrategy;
    private final int maxConcurrency;
    private final Duration timeout;

    private WorkflowSpec(Builder b) {
        this.id = b.id;
        this.name = b.name == null ? b.id : b.name;
        this.tasks = List.copyOf(b.tasks);
        this.failureStrategy = b.failureStrategy;
        this.maxConcurrency = b.maxConcurrency;
        this.timeout = b.timeout;
    }

    /**
     * @param id the workflow id
     * @return a new builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the workflow id */
    public String id() {
        return id;
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    /** @return the tasks in declaration order */
    public List<TaskSpec> tasks() {
        return tasks;
    }

    /** @return what a run does when a task fails */
    public FailureStrategy failureStrategy() {
        return failureStrategy;
    }

    /** @return the most tasks of one run that may execute at once (0: only the supervisor's limits apply) */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** @return the total timeout of a run, if any */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return "WorkflowSpec{id=" + id + ", tasks=" + tasks.size() + ", failureStrategy=" + failureStrategy
                + ", maxConcurrency=" + maxConcurrency + ", timeout=" + timeout + "}";
    }

    /**
     * Builder of {@link WorkflowSpec}.
     */
    public static final class Builder {
        private final String id;
        private String name;
        private final List<TaskSpec> tasks = new ArrayList<>();
        private FailureStrategy failureStrategy = FailureStrategy.FAIL_FAST;
        private int maxConcurrency;
        private Duration timeout;

        private Builder(String id) {
            Objects.requireNonNull(id, "workflow id");
            if (id.isBlank() || id.length() > 200) {
                throw new IllegalArgumentException("workflow id must be 1-200 non-blank characters but was '"
                        + id + "'");
            }
            this.id = id;
        }

        /**
         * @param name display name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * @param task a task to add
         * @return this builder
         */
        public Builder task(TaskSpec task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        /**
         * @param task a task builder, built now
         * @return this builder
         */
        public Builder task(TaskSpec.Builder task) {
            return task(task.build());
        }

        /**
         * @param tasks tasks to add
         * @return this builder
         */
        public Builder tasks(List<TaskSpec> tasks) {
            tasks.forEach(this::task);
            return this;
        }

        /**
         * @param failureStrategy FAIL_FAST (default) or CONTINUE
         * @return this builder
         */
        public Builder failureStrategy(FailureStrategy failureStrategy) {
            this.failureStrategy = Objects.requireNonNull(failureStrategy, "failureStrategy");
            return this;
        }

        /**
         * @param maxConcurrency most tasks of one run executing at once, positive
         * @return this builder
         */
        public Builder maxConcurrency(int maxConcurrency) {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("maxConcurrency must be positive but was " + maxConcurrency);
            }
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        /**
         * @param timeout total timeout of a run, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("workflow timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @return the immutable workflow specification
         */
        public WorkflowSpec build() {
            return new WorkflowSpec(this);
        }
    }
}
