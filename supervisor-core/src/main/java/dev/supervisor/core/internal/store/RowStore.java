package dev.supervisor.core.internal.store;

import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.StaleVersionException;

/**
 * A run store that takes task state as rows of the engine's {@link TaskTable}: no record is built per
 * transition. The engine uses it when the configured store offers it and falls back to
 * {@link dev.supervisor.api.spi.RunStore#update} otherwise; the versioning contract is the same.
 */
public interface RowStore {
    /**
     * As {@link dev.supervisor.api.spi.RunStore#createRun}, from a table (the store keeps its own copy).
     *
     * @param run the run
     * @param tasks its tasks
     */
    void createRun(RunRecord run, TaskTable tasks);

    /**
     * Stores row {@code i} of {@code source} if the stored version is exactly one less than the row's.
     *
     * @param source the caller's table, its row {@code i} already holding the new state
     * @param i the task index
     * @throws StaleVersionException if the stored version is another (the caller was fenced)
     */
    void write(TaskTable source, int i);
}
