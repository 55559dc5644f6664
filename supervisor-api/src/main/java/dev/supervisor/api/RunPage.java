package dev.supervisor.api;

import dev.supervisor.api.spi.RunRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One page of a run listing ({@link RunQuery}).
 *
 * @param runs the runs, newest first
 * @param nextCursor the cursor of the next page, or null when this is the last one
 */
public record RunPage(List<RunRecord> runs, String nextCursor) {
    /** Newest first: creation time descending, then run id descending. */
    public static final Comparator<RunRecord> ORDER = Comparator.comparing(RunRecord::createdAt)
            .thenComparing(RunRecord::runId).reversed();

    /** Copies the list. */
    public RunPage {
        runs = List.copyOf(runs);
    }

    /** @return the cursor of the next page, empty when this is the last one */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /**
     * Makes a page from runs that already passed the query and its cursor, in {@link #ORDER}, one more than
     * {@link RunQuery#limit()} where there are more: what a store reads with {@code LIMIT limit + 1}.
     *
     * @param ordered the runs in order, at most {@code limit + 1}
     * @param query the query
     * @return the page; its cursor points after its last run when a further run was given
     */
    public static RunPage of(List<RunRecord> ordered, RunQuery query) {
        if (ordered.size() <= query.limit()) {
            return new RunPage(ordered, null);
        }
        List<RunRecord> page = ordered.subList(0, query.limit());
        RunRecord last = page.get(page.size() - 1);
        return new RunPage(page, new RunQuery.Position(last.createdAt(), last.runId()).cursor());
    }

    /**
     * Answers a query from runs held in memory: filters, orders and cuts them (for stores and engines that keep
     * their runs on the heap).
     *
     * @param all every run, in any order
     * @param query the query
     * @return the page
     */
    public static RunPage select(Collection<RunRecord> all, RunQuery query) {
        List<RunRecord> hits = new ArrayList<>();
        RunQuery.Position after = query.after().orElse(null);
        for (RunRecord r : all) {
            if (query.matches(r) && (after == null || after.precedes(r))) {
                hits.add(r);
            }
        }
        hits.sort(ORDER);
        return of(hits.subList(0, Math.min(hits.size(), query.limit() + 1)), query);
    }
}
