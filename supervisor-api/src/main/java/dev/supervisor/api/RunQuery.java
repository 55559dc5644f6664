package dev.supervisor.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which runs to list, one page at a time: runs come newest first (by creation time, then by run id, descending),
 * filtered by status, workflow and creation time. A page's {@link RunPage#nextCursor()} passed to
 * {@link Builder#cursor} reads the page after it; the cursor marks a position in that order, so runs created
 * meanwhile never shift the pages that follow.
 *
 * <pre>{@code
 * RunQuery failedToday = RunQuery.builder().statuses(RunStatus.FAILED, RunStatus.TIMED_OUT)
 *         .workflowId("code-change").createdFrom(startOfDay).limit(100).build();
 * }</pre>
 */
public final class RunQuery {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;
    /** The page size when none is set. */
    public static final int DEFAULT_LIMIT = 50;
    private static final RunQuery ALL = builder().build();

    private final Set<RunStatus> statuses;
    private final String workflowId;
    private final Instant createdFrom;
    private final Instant createdTo;
    private final int limit;
    private final String cursor;
    private final Position after;

    private RunQuery(Builder b) {
        this.statuses = b.statuses == null ? Set.of() : Set.copyOf(b.statuses);
        this.workflowId = b.workflowId;
        this.createdFrom = b.createdFrom;
        this.createdTo = b.createdTo;
        this.limit = b.limit == 0 ? DEFAULT_LIMIT : b.limit;
        this.cursor = b.cursor;
        this.after = b.after;
    }

    /** @return the first {@value #DEFAULT_LIMIT} runs, newest first, without filters */
    public static RunQuery all() {
        return ALL;
    }

    /** @return a builder: no filter, {@value #DEFAULT_LIMIT} runs, first page */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the statuses a run must have one of; empty for any */
    public Set<RunStatus> statuses() {
        return statuses;
    }

    /** @return the workflow a run must belong to, if set */
    public Optional<String> workflowId() {
        return Optional.ofNullable(workflowId);
    }

    /** @return the earliest creation time (inclusive), if set */
    public Optional<Instant> createdFrom() {
        return Optional.ofNullable(createdFrom);
    }

    /** @return the end of the creation-time range (exclusive), if set */
    public Optional<Instant> createdTo() {
        return Optional.ofNullable(createdTo);
    }

    /** @return the most runs in one page, 1 to {@value #MAX_LIMIT} */
    public int limit() {
        return limit;
    }

    /** @return the cursor this page starts after, if not the first page */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** @return where this page starts (exclusive): the cursor decoded; empty for the first page */
    public Optional<Position> after() {
        return Optional.ofNullable(after);
    }

    /**
     * @param run a run
     * @return true if the run passes the filters (the cursor is not considered)
     */
    public boolean matches(dev.supervisor.api.spi.RunRecord run) {
        return (statuses.isEmpty() || statuses.contains(run.status()))
                && (workflowId == null || workflowId.equals(run.workflowId()))
                && (createdFrom == null || !run.createdAt().isBefore(createdFrom))
                && (createdTo == null || run.createdAt().isBefore(createdTo));
    }

    @Override
    public String toString() {
        return "RunQuery{statuses=" + statuses + ", workflowId=" + workflowId + ", createdFrom=" + createdFrom
                + ", createdTo=" + createdTo + ", limit=" + limit + ", cursor=" + cursor + "}";
    }

    /**
     * A place in the listing order: the run created at {@code createdAt} with id {@code runId}. A page that starts
     * after it holds runs created earlier, or at the same instant with a smaller id.
     *
     * @param createdAt creation time of the last run of the previous page
     * @param runId its id
     */
    public record Position(Instant createdAt, String runId) {
        /** @throws NullPointerException if an argument is null */
        public Position {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(runId, "runId");
        }

        /**
         * @param run a run
         * @return true if the run comes after this position in the listing order
         */
        public boolean precedes(dev.supervisor.api.spi.RunRecord run) {
            int c = run.createdAt().compareTo(createdAt);
            return c < 0 || c == 0 && run.runId().compareTo(runId) < 0;
        }

        /** @return the opaque cursor text for this position */
        public String cursor() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + runId)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param cursor text from {@link #cursor()}
         * @return the position
         * @throws IllegalArgumentException if the text is not a cursor
         */
        public static Position ofCursor(String cursor) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = text.indexOf('|');
                if (bar > 0 && bar < text.length() - 1) {
                    return new Position(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // reported below with the text that was given
            }
            throw new IllegalArgumentException("cursor '" + shorten(cursor) + "' is not a cursor of a run listing");
        }

        private static String shorten(String s) {
            return s.length() <= 80 ? s : s.substring(0, 80) + "...";
        }
    }

    /** Builds a {@link RunQuery}; each option may be set once, and bad values are refused at once. */
    public static final class Builder {
        private EnumSet<RunStatus> statuses;
        private String workflowId;
        private Instant createdFrom;
        private Instant createdTo;
        private int limit;
        private String cursor;
        private Position after;

        private Builder() {
        }

        /**
         * @param wanted the statuses a run must have one of (none: any)
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder statuses(RunStatus... wanted) {
            return statuses(Set.of(wanted));
        }

        /**
         * @param wanted the statuses a run must have one of (empty: any)
         * @return this
         * @throws IllegalStateException if already set
         */
        public Builder statuses(Set<RunStatus> wanted) {
            once("statuses", statuses);
            Objects.requireNonNull(wanted, "statuses");
            this.statuses = wanted.isEmpty() ? EnumSet.noneOf(RunStatus.class) : EnumSet.copyOf(wanted);
            return this;
        }

        /**
         * @param id the workflow a run must belong to
         * @return this
         * @throws IllegalArgumentException if blank
         */
        public Builder workflowId(String id) {
            once("workflowId", workflowId);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("workflowId must not be blank but was '" + id + "'");
            }
            this.workflowId = id;
            return this;
        }

        /** @param from the earliest creation time (inclusive) @return this */
        public Builder createdFrom(Instant from) {
            once("createdFrom", createdFrom);
            this.createdFrom = Objects.requireNonNull(from, "createdFrom");
            return this;
        }

        /** @param to the end of the creation-time range (exclusive) @return this */
        public Builder createdTo(Instant to) {
            once("createdTo", createdTo);
            this.createdTo = Objects.requireNonNull(to, "createdTo");
            return this;
        }

        /**
         * @param max the most runs in one page, 1 to {@value #MAX_LIMIT}
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder limit(int max) {
            once("limit", limit == 0 ? null : limit);
            if (max < 1 || max > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + max);
            }
            this.limit = max;
            return this;
        }

        /**
         * @param next a page's {@link RunPage#nextCursor()}
         * @return this
         * @throws IllegalArgumentException if the text is not a cursor
         */
        public Builder cursor(String next) {
            once("cursor", cursor);
            Objects.requireNonNull(next, "cursor");
            this.after = Position.ofCursor(next);
            this.cursor = next;
            return this;
        }

        /**
         * @return the query
         * @throws IllegalArgumentException if the creation-time range is empty
         */
        public RunQuery build() {
            if (createdFrom != null && createdTo != null && !createdTo.isAfter(createdFrom)) {
                throw new IllegalArgumentException("createdTo " + createdTo + " must be after createdFrom "
                        + createdFrom);
            }
            return new RunQuery(this);
        }

        private static void once(String option, Object current) {
            if (current != null) {
                throw new IllegalStateException(option + " was already set to " + current);
            }
        }
    }
}
