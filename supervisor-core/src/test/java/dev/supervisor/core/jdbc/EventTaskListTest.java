package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.spi.RunChanges;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.testkit.RunStoreContract;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Which tasks other nodes changed is read from each event row's list of task ids; rows stored before rows had that
 * list are read from their events, with the same answer page by page.
 */
class EventTaskListTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void taskChanges_rowsWithoutATaskList_nameTheSameTasksPageByPage() throws Exception {
        DataSource ds = Databases.h2();
        RunStore store = JdbcStores.runStore(ds);
        RunEventLog log = store.capability(RunEventLog.class).orElseThrow();
        store.createRun(new RunRecord("r", "wf", RunStatus.RUNNING, Map.of(), T0, null, 0),
                RunStoreContract.workflowOf("a", "b", "c"), List.of(TaskRecord.pending("r", "a", 0),
                        TaskRecord.pending("r", "b", 1), TaskRecord.pending("r", "c", 2)));
        String start = log.tail(null, 1).position();
        store.apply(new RunChanges("r", "n2", List.of(), null, List.of(new RunStarted("r", "wf", T0, 3),
                done("a"), done("b[12]"))));
        store.apply(new RunChanges("r", "n2", List.of(), null, List.of(done("c"), new RunStarted("r", "wf", T0, 3),
                done("a"))));

        Map<Integer, Map<String, Set<String>>> listed = pages(log, start);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE sup_event SET tasks = NULL");
        }
        Map<Integer, Map<String, Set<String>>> fromEvents = pages(log, start);

        assertThat(listed).isEqualTo(fromEvents);
        assertThat(listed.values().stream().flatMap(m -> m.getOrDefault("r", Set.of()).stream()))
                .containsExactly("a", "b[12]", "c", "a");
    }

    /** Pages of two events (ending inside rows), by page number. */
    private static Map<Integer, Map<String, Set<String>>> pages(RunEventLog log, String from) {
        Map<Integer, Map<String, Set<String>>> out = new LinkedHashMap<>();
        String pos = from;
        for (int page = 0; page < 4; page++) {
            RunEventLog.TaskChanges p = log.taskChanges(pos, 2, (run, node) -> true);
            out.put(page, p.tasks());
            pos = p.position();
        }
        return out;
    }

    private static TaskSucceeded done(String task) {
        return new TaskSucceeded("r", "wf", task, "work", 1, "local", T0, Duration.ofMillis(1), 0.0);
    }
}
