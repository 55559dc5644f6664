package dev.supervisor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.api.spi.TaskRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@link RunEventLog} contract, for stores that keep one: events are stored with the changes they report,
 * numbered per run, read back in order, and followed across runs with {@code tail}.
 */
public abstract class RunEventLogContract extends RunStoreContract {

    private static RunEventLog log(RunStore store) {
        return store.capability(RunEventLog.class).orElseThrow();
    }

    private static SupervisorEvent started(String runId) {
        return new RunStarted(runId, "wf", T0, 2);
    }

    private static SupervisorEvent succeeded(String runId, String task) {
        return new TaskSucceeded(runId, "wf", task, "work", 1, "local", T0.plusNanos(7), Duration.ofMillis(3), 0.0);
    }

    @Test
    void events_areStoredWithTheirChanges_numberedInOrder_andRoundTrip() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 2);
        TaskRecord t0 = store.task("r", "t0").orElseThrow().to(TaskState.READY);
        store.apply(new RunChanges("r", "node-a", List.of(t0), null, List.of(started("r"))));
        SupervisorEvent failed = new TaskFailed("r", "wf", "t1", "work", 2, "local", T0.plusSeconds(1),
                TaskState.TIMED_OUT, Duration.ofSeconds(5), "slow", 0.5);
        store.apply(new RunChanges("r", "node-b", List.of(), null, List.of(succeeded("r", "t0"), failed)));

        List<StoredEvent> all = log(store).events("r", 0, 100);
        assertThat(all).extracting(StoredEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(all).extracting(StoredEvent::event).containsExactly(started("r"), succeeded("r", "t0"), failed);
        assertThat(all).extracting(StoredEvent::node).containsExactly("node-a", "node-b", "node-b");
        assertThat(log(store).events("r", 1, 1)).singleElement().extracting(StoredEvent::sequence).isEqualTo(2L);
        assertThat(log(store).events("r", 3, 10)).isEmpty();
        assertThat(log(store).events("other", 0, 10)).isEmpty();
    }

    @Test
    void events_ofARefusedChange_areNotStored() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 1);
        TaskRecord stale = store.task("r", "t0").orElseThrow().to(TaskState.READY).to(TaskState.RUNNING);
        assertThatThrownBy(() -> store.apply(new RunChanges("r", "n", List.of(stale), null,
                List.of(succeeded("r", "t0"))))).isInstanceOf(StaleVersionException.class);
        assertThat(log(store).events("r", 0, 10)).isEmpty();
    }

    @Test
    void tail_followsEveryRunFromAPosition_andStartsAtTheEnd() {
        RunStore store = store();
        create(store, "a", RunStatus.RUNNING, 1);
        create(store, "b", RunStatus.RUNNING, 1);
        store.apply(new RunChanges("a", "n", List.of(), null, List.of(started("a"))));
        RunEventLog.EventPage start = log(store).tail(null, 10);
        assertThat(start.events()).as("a tail starts at the events stored from now on").isEmpty();

        store.apply(new RunChanges("b", "n", List.of(), null, List.of(started("b"))));
        store.apply(new RunChanges("a", "n", List.of(), null, List.of(succeeded("a", "t0"))));
        RunEventLog.EventPage p1 = log(store).tail(start.position(), 1);
        RunEventLog.EventPage p2 = log(store).tail(p1.position(), 10);
        assertThat(p1.events()).extracting(StoredEvent::event).containsExactly(started("b"));
        assertThat(p2.events()).extracting(StoredEvent::event).containsExactly(succeeded("a", "t0"));
        assertThat(log(store).tail(p2.position(), 10).events()).isEmpty();
    }

    @Test
    void events_readFromInsideOneChangesEvents_keepTheirNumbers() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 5);
        store.apply(new RunChanges("r", "a", List.of(), null, List.of(succeeded("r", "t0"), succeeded("r", "t1"),
                succeeded("r", "t2"))));
        store.apply(new RunChanges("r", "b", List.of(), null, List.of(succeeded("r", "t3"), succeeded("r", "t4"))));

        assertThat(log(store).events("r", 1, 3)).extracting(StoredEvent::sequence).containsExactly(2L, 3L, 4L);
        assertThat(log(store).events("r", 1, 3)).extracting(StoredEvent::event).containsExactly(succeeded("r", "t1"),
                succeeded("r", "t2"), succeeded("r", "t3"));
        assertThat(log(store).events("r", 4, 10)).extracting(StoredEvent::node).containsExactly("b");
    }

    @Test
    void tail_pagesEndingInsideOneChangesEvents_resumeWithTheNextOne() {
        RunStore store = store();
        create(store, "r", RunStatus.RUNNING, 3);
        String start = log(store).tail(null, 10).position();
        store.apply(new RunChanges("r", "a", List.of(), null, List.of(succeeded("r", "t0"), succeeded("r", "t1"),
                succeeded("r", "t2"))));

        RunEventLog.EventPage p1 = log(store).tail(start, 2);
        RunEventLog.EventPage p2 = log(store).tail(p1.position(), 2);
        assertThat(p1.events()).extracting(StoredEvent::event).containsExactly(succeeded("r", "t0"),
                succeeded("r", "t1"));
        assertThat(p2.events()).extracting(StoredEvent::event).containsExactly(succeeded("r", "t2"));
        assertThat(log(store).tail(p2.position(), 10).events()).isEmpty();
    }

    @Test
    void tail_withAFilter_returnsOnlyWantedEvents_andMovesPastTheOthers() {
        RunStore store = store();
        create(store, "a", RunStatus.RUNNING, 1);
        create(store, "b", RunStatus.RUNNING, 1);
        String start = log(store).tail(null, 10).position();
        store.apply(new RunChanges("a", "n1", List.of(), null, List.of(started("a"))));
        store.apply(new RunChanges("b", "n1", List.of(), null, List.of(started("b"))));
        store.apply(new RunChanges("a", "n2", List.of(), null, List.of(succeeded("a", "t0"))));

        RunEventLog.EventPage page = log(store).tail(start, 10, (run, node) -> run.equals("a") && node.equals("n2"));
        assertThat(page.events()).extracting(StoredEvent::event).containsExactly(succeeded("a", "t0"));
        assertThat(page.events()).extracting(StoredEvent::node).containsExactly("n2");
        RunEventLog.EventPage skipped = log(store).tail(start, 2, (run, node) -> false);
        assertThat(skipped.events()).isEmpty();
        assertThat(log(store).tail(skipped.position(), 10).events()).extracting(StoredEvent::event)
                .as("the position moved past the events passed over").containsExactly(succeeded("a", "t0"));
    }

    @Test
    void taskChanges_pageByPage_namesTheTasksOfTheWantedTaskEvents_asTailDoes() {
        RunStore store = store();
        create(store, "a", RunStatus.RUNNING, 3);
        create(store, "b", RunStatus.RUNNING, 1);
        String start = log(store).tail(null, 10).position();
        store.apply(new RunChanges("a", "n1", List.of(), null, List.of(started("a"), succeeded("a", "t0"))));
        store.apply(new RunChanges("a", "n2", List.of(), null, List.of(succeeded("a", "t1"), failed("a", "t2"),
                succeeded("a", "t1"))));
        store.apply(new RunChanges("b", "n2", List.of(), null, List.of(started("b"), succeeded("b", "t0"))));
        java.util.function.BiPredicate<String, String> wanted = (run, node) -> node.equals("n2");

        assertThat(log(store).taskChanges(start, 10, wanted).tasks()).containsExactly(
                java.util.Map.entry("a", java.util.Set.of("t1", "t2")),
                java.util.Map.entry("b", java.util.Set.of("t0")));
        // Pages of two events end inside rows: each page names what tail's page of the same events names.
        String pos = start;
        String tailPos = start;
        for (int page = 0; page < 6; page++) {
            RunEventLog.TaskChanges changes = log(store).taskChanges(pos, 2, wanted);
            RunEventLog.EventPage events = log(store).tail(tailPos, 2, wanted);
            java.util.Map<String, java.util.Set<String>> expected = new java.util.LinkedHashMap<>();
            for (StoredEvent e : events.events()) {
                if (e.event() instanceof dev.supervisor.api.event.TaskEvent t) {
                    expected.computeIfAbsent(t.runId(), k -> new java.util.LinkedHashSet<>()).add(t.taskId());
                }
            }
            assertThat(changes.tasks()).as("page %d", page).isEqualTo(expected);
            assertThat(changes.position()).isEqualTo(events.position());
            pos = changes.position();
            tailPos = events.position();
        }
        assertThat(log(store).taskChanges(pos, 10, wanted).tasks()).isEmpty();
    }

    private static SupervisorEvent failed(String runId, String task) {
        return new TaskFailed(runId, "wf", task, "work", 1, "local", T0, dev.supervisor.api.TaskState.FAILED,
                Duration.ofMillis(1), "boom", 0.0);
    }
}
