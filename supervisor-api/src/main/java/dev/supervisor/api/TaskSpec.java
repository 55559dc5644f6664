package dev.supervisor.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable specification of one task in a workflow. Build with {@link #builder(String, TaskType)}.
 * The builder refuses at once what is wrong within the task (bad values, a dependency on itself or on an id no task
 * could have); what needs the whole workflow (unknown dependencies, cycles, handlers) is reported by the validator.
 * See {@link WorkflowSpec} for where each problem is caught.
 */
public final class TaskSpec {

    private final String id;
    private final String name;
    private final TaskType type;
    private final Map<String, Object> config;
    private final Priority priority;
    private final Duration estimatedDuration;
    private final RetryPolicy retryPolicy;
    private final Duration timeout;
    private final Set<String> tags;
    private final List<Dependency> dependencies;
    private final TriggerRule triggerRule;
    private final String condition;
    private final FanOut fanOut;
    private final boolean teardown;

    private TaskSpec(Builder b) {
        this.id = b.id;
        this.name = b.name == null ? b.id : b.name;
        this.type = b.type;
        this.config = b.config;
        this.priority = b.priority;
        this.estimatedDuration = b.estimatedDuration;
        this.retryPolicy = b.retryPolicy;
        this.timeout = b.timeout;
        this.tags = b.tags == null ? Set.of() : Set.copyOf(b.tags);
        this.dependencies = List.copyOf(b.dependencies);
        this.triggerRule = b.triggerRule;
        this.condition = b.condition;
        this.fanOut = b.fanOut;
        this.teardown = b.teardown;
    }

    /**
     * Accepts {@code [A-Za-z0-9._:-]{1,200}(\[[0-9]{1,5}\])?}, checked by hand: specs of a million tasks build a
     * million ids.
     */
    private static boolean validId(String id) {
        int n = id.length();
        int end = n;
        if (n > 2 && id.charAt(n - 1) == ']') {
            int open = id.lastIndexOf('[');
            if (open <= 0 || n - open - 2 < 1 || n - open - 2 > 5) {
                return false;
            }
            for (int i = open + 1; i < n - 1; i++) {
                if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                    return false;
                }
            }
            end = open;
        }
        if (end < 1 || end > 200) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = id.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An invalid id as shown in a message: control characters escaped, at most 100 characters. */
    private static String excerpt(String s) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (; i < s.length() && i < 100; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F && c < 0xA0 || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (i < s.length() && Character.isHighSurrogate(s.charAt(i - 1))) {
            b.setLength(b.length() - 1); // never half a character
        }
        return i < s.length() ? b.append('…').toString() : b.toString();
    }

    /**
     * @param id unique id within the workflow: 1-200 characters of {@code [A-Za-z0-9._:-]}, optionally followed by
     *           an index such as {@code [3]} (the form fan-out instances take)
     * @param type the task type that selects its handler
     * @return a new builder
     * @throws IllegalArgumentException if the id is not valid
     */
    public static Builder builder(String id, TaskType type) {
        return new Builder(id, type);
    }

    /** @return the id, unique within the workflow */
    public String id() {
        return id;
    }

    /** @return the display name (the id when none was given) */
    public String name() {
        return name;
    }

    /** @return the task type */
    public TaskType type() {
        return type;
    }

    /**
     * @return the handler configuration, an unmodifiable JSON-compatible map whose numbers are as JSON reads them
     *         back: whole numbers as Integer, Long or BigInteger (the smallest that holds them), others as Double
     */
    public Map<String, Object> config() {
        return config;
    }

    /** @return the priority */
    public Priority priority() {
        return priority;
    }

    /** @return the estimated duration used by critical-path analysis and the ETA */
    public Duration estimatedDuration() {
        return estimatedDuration;
    }

    /** @return the retry policy */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** @return the per-attempt timeout, if any */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the tags (used for concurrency limits and metrics) */
    public Set<String> tags() {
        return tags;
    }

    /** @return the dependencies in declaration order */
    public List<Dependency> dependencies() {
        return dependencies;
    }

    /** @return the trigger rule over the upstream states */
    public TriggerRule triggerRule() {
        return triggerRule;
    }

    /** @return an expression that must be true for the task to run (false makes it SKIPPED), if any */
    public Optional<String> condition() {
        return Optional.ofNullable(condition);
    }

    /** @return the fan-out, if this task runs one instance per element of a list */
    public Optional<FanOut> fanOut() {
        return Optional.ofNullable(fanOut);
    }

    /**
     * @return true for a teardown task, which runs even after the run stopped (see {@link Builder#teardown})
     */
    public boolean teardown() {
        return teardown;
    }

    /**
     * @return a builder pre-filled with this task's values, to derive a modified copy
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, type).name(name).config(config).priority(priority)
                .estimatedDuration(estimatedDuration).retryPolicy(retryPolicy).triggerRule(triggerRule)
                .teardown(teardown);
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (condition != null) {
            b.condition(condition);
        }
        b.fanOut = fanOut;
        b.tags(tags.toArray(new String[0]));
        b.dependencies.addAll(dependencies);
        return b;
    }

    @Override
    public String toString() {
        return "TaskSpec{id=" + id + ", type=" + type + ", priority=" + priority + ", dependsOn="
                + dependencies.stream().map(Dependency::taskId).toList() + "}";
    }

    /**
     * Fail-fast builder of {@link TaskSpec}.
     */
    public static final class Builder {
        private final String id;
        private final TaskType type;
        private String name;
        private Map<String, Object> config = Map.of();
        private Priority priority = Priority.NORMAL;
        private Duration estimatedDuration = Duration.ofSeconds(1);
        private RetryPolicy retryPolicy = RetryPolicy.none();
        private Duration timeout;
        private Set<String> tags; // allocated on first use: most tasks have none
        private final List<Dependency> dependencies = new ArrayList<>();
        private TriggerRule triggerRule = TriggerRule.ALL_SUCCESS;
        private String condition;
        private FanOut fanOut;
        private boolean teardown;

        private Builder(String id, TaskType type) {
            Objects.requireNonNull(id, "task id");
            if (!validId(id)) {
                throw new IllegalArgumentException(
                        "task id must be 1-200 characters of [A-Za-z0-9._:-] but was '" + excerpt(id) + "'");
            }
            this.id = id;
            if (type == null) {
                throw new NullPointerException("task type of '" + id + "'");
            }
            this.type = type;
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
         * @param config JSON-compatible handler configuration (copied deeply; numbers are kept as JSON reads them
         *               back, see {@link TaskSpec#config()})
         * @return this builder
         * @throws IllegalArgumentException if a value is not JSON-compatible
         */
        public Builder config(Map<String, ?> config) {
            this.config = JsonValues.copyConfig("task '" + id + "' config", config);
            return this;
        }

        /**
         * @param priority scheduling priority
         * @return this builder
         */
        public Builder priority(Priority priority) {
            this.priority = Objects.requireNonNull(priority, "priority");
            return this;
        }

        /**
         * @param estimatedDuration expected duration, zero or positive
         * @return this builder
         */
        public Builder estimatedDuration(Duration estimatedDuration) {
            Objects.requireNonNull(estimatedDuration, "estimatedDuration");
            if (estimatedDuration.isNegative()) {
                throw new IllegalArgumentException(
                        "estimatedDuration of task '" + id + "' must not be negative but was " + estimatedDuration);
            }
            this.estimatedDuration = estimatedDuration;
            return this;
        }

        /**
         * @param retryPolicy the retry policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * @param timeout per-attempt timeout, positive
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException(
                        "timeout of task '" + id + "' must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param tags tags to add
         * @return this builder
         */
        public Builder tags(String... tags) {
            for (String t : tags) {
                if (t == null || t.isBlank()) {
                    throw new IllegalArgumentException("tags of task '" + id + "' must not be blank");
                }
                if (this.tags == null) {
                    this.tags = new LinkedHashSet<>();
                }
                this.tags.add(t);
            }
            return this;
        }

        /**
         * Adds dependencies satisfied when each upstream succeeds. Whether the upstream tasks exist is checked when
         * the workflow is validated, with every other problem of the workflow.
         *
         * @param taskIds upstream task ids
         * @return this builder
         * @throws IllegalArgumentException if an id is this task's own or not a valid task id
         */
        public Builder dependsOn(String... taskIds) {
            for (String t : taskIds) {
                dependencies.add(Dependency.on(upstream(t)));
            }
            return this;
        }

        /**
         * Adds one dependency with an edge condition.
         *
         * @param taskId upstream task id
         * @param condition when the edge counts as satisfied
         * @return this builder
         * @throws IllegalArgumentException if the id is this task's own or not a valid task id
         */
        public Builder dependsOn(String taskId, EdgeCondition condition) {
            dependencies.add(new Dependency(upstream(taskId), condition));
            return this;
        }

        private String upstream(String taskId) {
            if (taskId == null) {
                throw new NullPointerException("dependency of '" + id + "'");
            }
            if (taskId.equals(id)) {
                throw new IllegalArgumentException("task '" + id + "' cannot depend on itself; remove the dependency");
            }
            if (!validId(taskId)) {
                throw new IllegalArgumentException("task '" + id + "' depends on '" + excerpt(taskId)
                        + "', which is not a valid task id (1-200 characters of [A-Za-z0-9._:-])");
            }
            return taskId;
        }

        /**
         * @param triggerRule the rule over upstream states
         * @return this builder
         */
        public Builder triggerRule(TriggerRule triggerRule) {
            this.triggerRule = Objects.requireNonNull(triggerRule, "triggerRule");
            return this;
        }

        /**
         * @param condition an expression that must be true for the task to run
         * @return this builder
         */
        public Builder condition(String condition) {
            if (condition == null || condition.isBlank()) {
                throw new IllegalArgumentException("condition of task '" + id + "' must not be blank");
            }
            this.condition = condition;
            return this;
        }

        /**
         * Runs one instance of this task per element of a list (see {@link FanOut}).
         *
         * @param items expression yielding the list, e.g. {@code tasks.discover.output.files}
         * @param maxWidth the most instances allowed, 1 to 10,000
         * @return this builder
         */
        public Builder fanOut(String items, int maxWidth) {
            this.fanOut = new FanOut(items, maxWidth);
            return this;
        }

        /**
         * Marks a clean-up task that runs even after the run stopped: a fail-fast ({@link FailureStrategy#FAIL_FAST}),
         * a cancel or the run's timeout skip or cancel the tasks that have not ended, except teardown tasks, which
         * still run once their upstream tasks are done, as their trigger rule allows (typically
         * {@link TriggerRule#ALL_DONE}); a running teardown attempt is not asked to stop. The run's end stays what
         * the stop decided. Without a stop the trigger rule alone decides. Not a teardown task by default.
         *
         * @param teardown true for a teardown task
         * @return this builder
         */
        public Builder teardown(boolean teardown) {
            this.teardown = teardown;
            return this;
        }

        /**
         * @return the immutable task specification
         */
        public TaskSpec build() {
            return new TaskSpec(this);
        }
    }
}
