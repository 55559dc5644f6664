package dev.supervisor.api.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where cron schedule state lives. Changes are compare-and-set on {@link ScheduleState#version()}, which is what
 * makes a schedule fire once per instant when several nodes share one store: each node tries to move
 * {@code nextFire} forward, and only the one whose write lands fires. Implementations must be thread-safe.
 */
public interface ScheduleStore {
    /**
     * @param scheduleId a schedule id
     * @return its stored state, if any
     */
    Optional<ScheduleState> find(String scheduleId);

    /**
     * Stores {@code initial} unless a state with that id exists.
     *
     * @param initial the state to store, version 0
     * @return whichever state is stored now (the existing one wins)
     */
    ScheduleState createIfAbsent(ScheduleState initial);

    /**
     * Replaces a state if the stored version is {@code updated.version() - 1}.
     *
     * @param updated the new state
     * @return {@code updated}
     * @throws StaleVersionException if the stored version differs or the state is gone
     */
    ScheduleState update(ScheduleState updated);

    /**
     * @param scheduleId a schedule id
     * @return true if a state was removed
     */
    boolean delete(String scheduleId);

    /** @return every stored state, in id order */
    List<ScheduleState> all();
}
