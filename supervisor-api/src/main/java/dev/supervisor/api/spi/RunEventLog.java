package dev.supervisor.api.spi;

import java.time.Duration;
import java.util.List;

/**
 * A {@link RunStore} capability: every event is stored in the same transaction as the transition it reports (see
 * {@link RunStore#apply}), so a run's whole history can be read back in order from the store, whichever nodes
 * executed it. Events of one run are numbered 1, 2, 3, … in an order consistent with cause and effect (an event
 * never comes after one it caused), and a number never changes once it has been read.
 */
public interface RunEventLog {
    /**
     * Reads a run's events in order.
     *
     * @param runId the run
     * @param afterSequence read events numbered above this (0 for the whole history)
     * @param max most events to return, positive
     * @return the events, in order
     */
    List<StoredEvent> events(String runId, long afterSequence, int max);

    /**
     * Reads the events of every run stored after a position, for following the store live. Each run's events come
     * in their order; the position returned resumes after the last one.
     *
     * @param position where the last page ended, or null to start at the events stored from now on
     * @param max most events to return, positive
     * @return the events (their {@link StoredEvent#sequence()} is 0: numbers are per run) and the next position
     */
    EventPage tail(String position, int max);

    /**
     * {@link #tail(String, int)} for a follower that wants some of the events only: the others are passed over (a
     * store can skip decoding them) but the position still moves past them. A cluster node asks only for other
     * nodes' events of the runs it drives. This default reads the page and filters it.
     *
     * @param position where the last page ended, or null to start at the events stored from now on
     * @param max most events to read, wanted or not, positive
     * @param wanted given an event's run id and the node that stored it, whether to return the event
     * @return the wanted events and the next position
     */
    default EventPage tail(String position, int max, java.util.function.BiPredicate<String, String> wanted) {
        EventPage page = tail(position, max);
        List<StoredEvent> kept = new java.util.ArrayList<>();
        for (StoredEvent e : page.events()) {
            if (wanted.test(e.event().runId(), e.node())) {
                kept.add(e);
            }
        }
        return new EventPage(kept, page.position());
    }

    /**
     * The tasks whose events {@link #tail(String, int, java.util.function.BiPredicate)} would return, without the
     * events: for a follower that reads the tasks' records anyway (a cluster node driving runs other nodes work on).
     * A store can answer it without decoding whole events. This default reads the page and collects the run and task
     * ids of its {@link dev.supervisor.api.event.TaskEvent}s.
     *
     * @param position where the last page ended, or null to start at the events stored from now on
     * @param max most events to read, wanted or not, positive
     * @param wanted given an event's run id and the node that stored it, whether it counts
     * @return per run (in the order first seen), the ids of its tasks with wanted task events, and the next position
     */
    default TaskChanges taskChanges(String position, int max, java.util.function.BiPredicate<String, String> wanted) {
        EventPage page = tail(position, max, wanted);
        java.util.Map<String, java.util.Set<String>> changed = new java.util.LinkedHashMap<>();
        for (StoredEvent e : page.events()) {
            if (e.event() instanceof dev.supervisor.api.event.TaskEvent t) {
                changed.computeIfAbsent(t.runId(), k -> new java.util.LinkedHashSet<>()).add(t.taskId());
            }
        }
        return new TaskChanges(changed, page.position());
    }

    /**
     * Waits until events may have been stored since the last call, or the timeout passes. Stores that are told of
     * new events (PostgreSQL's {@code LISTEN/NOTIFY}) return as soon as one is; this default returns at once with
     * false, and followers then poll.
     *
     * @param timeout the longest wait
     * @return true if the store was told of new events, false if it cannot tell
     * @throws InterruptedException if the waiting thread is interrupted
     */
    default boolean awaitEvents(Duration timeout) throws InterruptedException {
        return false;
    }

    /**
     * A page of {@link #taskChanges}.
     *
     * @param tasks per run, the ids of the tasks that have wanted task events in the page
     * @param position where the page ended
     */
    record TaskChanges(java.util.Map<String, java.util.Set<String>> tasks, String position) {
        /**
         * @throws NullPointerException if an argument is null
         */
        public TaskChanges {
            java.util.Map<String, java.util.Set<String>> copy = new java.util.LinkedHashMap<>();
            tasks.forEach((run, ids) -> copy.put(run, java.util.Collections.unmodifiableSet(
                    new java.util.LinkedHashSet<>(ids))));
            tasks = java.util.Collections.unmodifiableMap(copy);
            java.util.Objects.requireNonNull(position, "position");
        }
    }

    /**
     * A page of {@link #tail}.
     *
     * @param events the events, in order
     * @param position where the page ended
     */
    record EventPage(List<StoredEvent> events, String position) {
        /**
         * @throws NullPointerException if an argument is null
         */
        public EventPage {
            events = List.copyOf(events);
            java.util.Objects.requireNonNull(position, "position");
        }
    }
}
