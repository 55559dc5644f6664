package dev.supervisor.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable specification of a workflow: a set of tasks and the dependencies between them. Build with
 * {@link #builder(String)}.
 *
 * <p>Where each problem is caught:
 * <ul>
 * <li><b>The builders fail fast.</b> They throw {@link IllegalArgumentException}, naming the option and the value,
 *     for anything wrong that they can see: a bad value, a dependency on the task itself or on an id that no task
 *     could have ({@link TaskSpec.Builder#dependsOn(String...)}), and at {@link Builder#build()} a workflow without
 *     tasks or two tasks with one id. A {@code WorkflowSpec} therefore never has any of these.</li>
 * <li><b>The validator reports the rest, all at once.</b> What needs the whole workflow — dependencies on ids that
 *     are not in it (with "did you mean" suggestions), cycles (with their path), task types without a handler, an id
 *     taken by an instance of a fan-out task — is reported by {@code WorkflowValidator} in
 *     {@code supervisor-core}, every problem in one report, when the workflow is validated or submitted.</li>
 * <li><b>Documents are read whole.</b> {@code WorkflowJson.read} collects every problem of a document — bad fields
 *     and what the builders or the validator would refuse — and reports them together, each at its line and
 *     column.</li>
 * </ul>
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
     * Fail-fast builder of {@link WorkflowSpec}: bad values throw {@link IllegalArgumentException} at once, and
     * {@link #build()} refuses a workflow without tasks or with a repeated task id. Dependencies are not resolved
     * here: unknown ids and cycles are reported, all together, by the validator (see {@link WorkflowSpec}).
     */
    public static final class Builder {
        private static final int REPEATS_SHOWN = 5;
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
         * @throws IllegalArgumentException if there is no task, or two tasks share an id (naming every repeated id)
         */
        public WorkflowSpec build() {
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("workflow '" + id + "' has no tasks; add at least one with task(...)");
            }
            String repeated = repeatedIds(tasks);
            if (repeated != null) {
                throw new IllegalArgumentException("workflow '" + id + "' " + repeated + "; give each task its own id");
            }
            return new WorkflowSpec(this);
        }

        /**
         * Describes the repeated ids, or returns null if there is none. Open addressing over (hash, index + 1)
         * pairs in one {@code long[]}: a million-task workflow is checked without allocating a node per id.
         */
        private static String repeatedIds(List<TaskSpec> tasks) {
            int n = tasks.size();
            long[] table = new long[Integer.highestOneBit(Math.max(2, n)) << 2]; // load <= 1/2
            int mask = table.length - 1;
            int shift = Integer.numberOfLeadingZeros(mask);
            StringBuilder found = null;
            int count = 0;
            for (int i = 0; i < n; i++) {
                String taskId = tasks.get(i).id();
                int h = taskId.hashCode();
                for (int slot = (h * 0x9E3779B9) >>> shift;; slot = (slot + 1) & mask) {
                    long e = table[slot];
                    if (e == 0) {
                        table[slot] = (long) h << 32 | (i + 1);
                        break;
                    }
                    int j = (int) e - 1;
                    if ((int) (e >>> 32) == h && tasks.get(j).id().equals(taskId)) {
                        if (count < REPEATS_SHOWN) {
                            found = found == null ? new StringBuilder("uses task id ") : found.append(", ");
                            found.append('\'').append(taskId).append("' for tasks #").append(j).append(" and #")
                                    .append(i);
                        }
                        count++;
                        break;
                    }
                }
            }
            if (count > REPEATS_SHOWN) {
                found.append(" and ").append(count - REPEATS_SHOWN).append(" more");
            }
            return found == null ? null : found.toString();
        }
    }
}
