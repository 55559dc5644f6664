package dev.supervisor.api.provider;

import dev.supervisor.api.Priority;
import dev.supervisor.api.TaskType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * One unit of work for a provider: the prompt, who asked (task, run, workflow, tenant), what it needs (type,
 * capabilities, tokens) and routing hints (preferred and excluded providers, affinity key, deadline). Immutable;
 * build with {@link #builder(String, TaskType, String)}.
 */
public final class ProviderRequest {
    private final String taskId;
    private final String runId;
    private final String workflowId;
    private final String tenant;
    private final TaskType taskType;
    private final String prompt;
    private final Priority priority;
    private final long inputTokens;
    private final long maxOutputTokens;
    private final String model;
    private final Set<String> capabilities;
    private final List<String> preferred;
    private final Set<String> excluded;
    private final String affinityKey;
    private final Instant deadline;
    private final Path workingDirectory;
    private final Duration timeout;
    private final BooleanSupplier cancelled;

    private ProviderRequest(Builder b) {
        taskId = b.taskId;
        runId = b.runId;
        workflowId = b.workflowId;
        tenant = b.tenant;
        taskType = b.taskType;
        prompt = b.prompt;
        priority = b.priority;
        inputTokens = b.inputTokens > 0 ? b.inputTokens : estimateTokens(b.prompt);
        maxOutputTokens = b.maxOutputTokens;
        model = b.model;
        capabilities = Set.copyOf(b.capabilities);
        preferred = List.copyOf(b.preferred);
        excluded = Set.copyOf(b.excluded);
        affinityKey = b.affinityKey;
        deadline = b.deadline;
        workingDirectory = b.workingDirectory;
        timeout = b.timeout;
        cancelled = b.cancelled;
    }

    /**
     * @param taskId the task this request serves (unique within its run)
     * @param taskType the task type
     * @param prompt the prompt, not empty
     * @return a builder
     */
    public static Builder builder(String taskId, TaskType taskType, String prompt) {
        return new Builder(taskId, taskType, prompt);
    }

    /**
     * A token estimate for text when the real count is unknown: a quarter of the characters for short text, else
     * the mean of words × 0.75 and characters / 4, plus an overhead of 5% (at least 10 tokens).
     *
     * @param text the text
     * @return the estimate, at least 1
     */
    public static long estimateTokens(String text) {
        int chars = text.length();
        double base;
        if (chars < 100) {
            base = chars / 4.0;
        } else {
            int words = 0;
            boolean in = false;
            for (int i = 0; i < chars; i++) {
                boolean ws = Character.isWhitespace(text.charAt(i));
                if (!ws && !in) {
                    words++;
                }
                in = !ws;
            }
            base = (words * 0.75 + chars / 4.0) / 2;
        }
        return Math.max(1, (long) Math.ceil(base + Math.max(10, base * 0.05)));
    }

    /** @return the task id */
    public String taskId() {
        return taskId;
    }

    /** @return the run id ({@code ""} outside a run) */
    public String runId() {
        return runId;
    }

    /** @return the workflow id ({@code ""} outside a workflow) */
    public String workflowId() {
        return workflowId;
    }

    /** @return the tenant ({@code "default"} unless set) */
    public String tenant() {
        return tenant;
    }

    /** @return the task type */
    public TaskType taskType() {
        return taskType;
    }

    /** @return the prompt */
    public String prompt() {
        return prompt;
    }

    /** @return the priority; decides who waits and who is deferred when quotas run out */
    public Priority priority() {
        return priority;
    }

    /** @return the input tokens: as given, or estimated from the prompt */
    public long inputTokens() {
        return inputTokens;
    }

    /** @return the most output tokens expected; reserved from token quotas until the call reports its usage */
    public long maxOutputTokens() {
        return maxOutputTokens;
    }

    /** @return the model asked for, if any */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** @return capabilities a provider must declare to be chosen */
    public Set<String> capabilities() {
        return capabilities;
    }

    /** @return if not empty, only these providers may be chosen, in this order of preference */
    public List<String> preferred() {
        return preferred;
    }

    /** @return providers never to choose */
    public Set<String> excluded() {
        return excluded;
    }

    /** @return the affinity key (e.g. a repository): the same key goes to the same provider while it is healthy */
    public Optional<String> affinityKey() {
        return Optional.ofNullable(affinityKey);
    }

    /** @return when the result is needed by; with a capacity advisor, slower providers are left out */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** @return the working directory for process providers (e.g. a git worktree per task) */
    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    /** @return a per-call timeout overriding the provider's own */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return true once the caller no longer wants the result */
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public String toString() {
        return "ProviderRequest{task=" + taskId + ", run=" + runId + ", type=" + taskType + ", priority=" + priority
                + ", inputTokens=" + inputTokens + ", maxOutputTokens=" + maxOutputTokens + "}";
    }

    /** Fail-fast builder of {@link ProviderRequest}. Not thread-safe. */
    public static final class Builder {
        private final String taskId;
        private final TaskType taskType;
        private final String prompt;
        private String runId = "";
        private String workflowId = "";
        private String tenant = "default";
        private Priority priority = Priority.NORMAL;
        private long inputTokens;
        private long maxOutputTokens = 1000;
        private String model;
        private Set<String> capabilities = Set.of();
        private List<String> preferred = List.of();
        private Set<String> excluded = Set.of();
        private String affinityKey;
        private Instant deadline;
        private Path workingDirectory;
        private Duration timeout;
        private BooleanSupplier cancelled = () -> false;

        private Builder(String taskId, TaskType taskType, String prompt) {
            this.taskId = text("taskId", taskId);
            this.taskType = Objects.requireNonNull(taskType, "taskType");
            Objects.requireNonNull(prompt, "prompt");
            if (prompt.isEmpty()) {
                throw new IllegalArgumentException("prompt of task '" + taskId + "' must not be empty");
            }
            this.prompt = prompt;
        }

        private static String text(String option, String v) {
            Objects.requireNonNull(v, option);
            if (v.isBlank()) {
                throw new IllegalArgumentException(option + " must not be blank");
            }
            return v;
        }

        /** @param runId the run @param workflowId its workflow @return this builder */
        public Builder run(String runId, String workflowId) {
            this.runId = text("runId", runId);
            this.workflowId = text("workflowId", workflowId);
            return this;
        }

        /** @param tenant who pays @return this builder */
        public Builder tenant(String tenant) {
            this.tenant = text("tenant", tenant);
            return this;
        }

        /** @param priority the priority @return this builder */
        public Builder priority(Priority priority) {
            this.priority = Objects.requireNonNull(priority, "priority");
            return this;
        }

        /** @param n known input tokens, at least 1 (estimated from the prompt otherwise) @return this builder */
        public Builder inputTokens(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("inputTokens must be at least 1 but was " + n);
            }
            this.inputTokens = n;
            return this;
        }

        /** @param n most output tokens expected, at least 1 (default 1000) @return this builder */
        public Builder maxOutputTokens(long n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxOutputTokens must be at least 1 but was " + n);
            }
            this.maxOutputTokens = n;
            return this;
        }

        /** @param model the model to ask for @return this builder */
        public Builder model(String model) {
            this.model = text("model", model);
            return this;
        }

        /** @param capabilities required capabilities @return this builder */
        public Builder capabilities(String... capabilities) {
            this.capabilities = Set.of(capabilities);
            return this;
        }

        /** @param providerIds the only providers allowed, best first @return this builder */
        public Builder preferred(String... providerIds) {
            this.preferred = List.of(providerIds);
            return this;
        }

        /** @param providerIds providers never to choose @return this builder */
        public Builder excluded(String... providerIds) {
            this.excluded = Set.of(providerIds);
            return this;
        }

        /** @param key affinity key, e.g. a repository URL @return this builder */
        public Builder affinityKey(String key) {
            this.affinityKey = text("affinityKey", key);
            return this;
        }

        /** @param deadline when the result is needed by @return this builder */
        public Builder deadline(Instant deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** @param dir working directory for process providers @return this builder */
        public Builder workingDirectory(Path dir) {
            this.workingDirectory = Objects.requireNonNull(dir, "workingDirectory");
            return this;
        }

        /** @param timeout per-call timeout, positive @return this builder */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive but was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** @param cancelled polled by providers during long calls @return this builder */
        public Builder cancellation(BooleanSupplier cancelled) {
            this.cancelled = Objects.requireNonNull(cancelled, "cancellation");
            return this;
        }

        /** @return the request */
        public ProviderRequest build() {
            return new ProviderRequest(this);
        }
    }
}
