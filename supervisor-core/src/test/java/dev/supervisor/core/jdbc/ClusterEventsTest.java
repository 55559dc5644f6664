package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Dependency;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A run executed by nodes B and C, followed from node A (which runs nothing): A sees every event of the run, once,
 * numbered 1, 2, 3, … in an order where nothing comes before its cause — the run's start first, each task's start
 * before its success, each upstream's success before its downstream's start, the run's end last — and exactly the
 * events B and C published on their own buses.
 */
class ClusterEventsTest {
    @Test
    void listenerOnNodeA_seesInOrder_everyEventOfARunExecutedOnNodesBAndC() throws Exception {
        org.postgresql.ds.PGSimpleDataSource raw = (org.postgresql.ds.PGSimpleDataSource) Databases.postgres();
        DataSource ds = new SimplePool(raw.getUrl() + "?user=postgres", 30);
        WorkflowSpec wf = ClusterWorker.workflow(6, 20);
        Supervisor a = node(ds, "a", false);
        Supervisor b = node(ds, "b", true);
        Supervisor c = node(ds, "c", true);
        List<SupervisorEvent> published = Collections.synchronizedList(new ArrayList<>());
        b.events().subscribe(SupervisorEvent.class, published::add);
        c.events().subscribe(SupervisorEvent.class, published::add);

        String runId = b.submit(wf, Map.of()).runId();
        List<StoredEvent> seen = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> finished = new CompletableFuture<>();
        a.follow(runId, 0, e -> {
            seen.add(e);
            if (e.event() instanceof RunFinished) {
                finished.complete(null);
            }
        });
        finished.get(2, TimeUnit.MINUTES);
        List<StoredEvent> late = new ArrayList<>();
        CompletableFuture<Void> lateDone = new CompletableFuture<>();
        a.follow(runId, 100, e -> {
            late.add(e);
            if (e.event() instanceof RunFinished) {
                lateDone.complete(null);
            }
        });
        lateDone.get(1, TimeUnit.MINUTES);
        List.of(a, b, c).forEach(Supervisor::close);

        int n = wf.tasks().size();
        assertThat(seen).hasSize(2 * n + 2);
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).sequence()).isEqualTo(i + 1);
        }
        assertThat(seen.get(0).event()).isInstanceOf(RunStarted.class);
        assertThat(seen.get(seen.size() - 1).event()).isInstanceOfSatisfying(RunFinished.class,
                f -> assertThat(f.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(seen).extracting(StoredEvent::node).contains("b", "c").doesNotContain("a");
        assertThat(seen).extracting(StoredEvent::event).containsExactlyInAnyOrderElementsOf(published);
        Map<String, Long> started = new HashMap<>();
        Map<String, Long> succeeded = new HashMap<>();
        for (StoredEvent e : seen) {
            if (e.event() instanceof TaskStarted t) {
                started.put(t.taskId(), e.sequence());
            } else if (e.event() instanceof TaskSucceeded t) {
                succeeded.put(t.taskId(), e.sequence());
            } else {
                assertThat(e.event()).isNotInstanceOf(TaskEvent.class);
            }
        }
        for (TaskSpec t : wf.tasks()) {
            assertThat(started.get(t.id())).as("start of %s before its success", t.id())
                    .isLessThan(succeeded.get(t.id()));
            for (Dependency d : t.dependencies()) {
                assertThat(succeeded.get(d.taskId())).as("%s succeeded before %s started", d.taskId(), t.id())
                        .isLessThan(started.get(t.id()));
            }
        }
        assertThat(late).extracting(StoredEvent::sequence).first().isEqualTo(101L);
        assertThat(late).extracting(StoredEvent::event).containsExactlyElementsOf(
                seen.subList(100, seen.size()).stream().map(StoredEvent::event).toList());
    }

    private static Supervisor node(DataSource ds, String id, boolean works) {
        SupervisorConfig.SupervisorConfigBuilder cfg = SupervisorConfig.builder().runStore(JdbcStores.runStore(ds))
                .cluster(ClusterConfig.builder().lease(Duration.ofSeconds(10)).build()).nodeId(id).maxConcurrency(4);
        if (works) {
            cfg.handler(ClusterWorker.WORK, ctx -> ctx.task().id());
        }
        return Supervisor.create(cfg.build());
    }
}
