package dev.supervisor.core.jdbc;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Rough no-op throughput of two cluster nodes (4 threads each) in one JVM; prints, asserts nothing but success. */
@Tag("slow")
class ClusterThroughputProbe {
    @Test
    void noOpTasks_twoNodes() throws Exception {
        PGSimpleDataSource raw = (PGSimpleDataSource) Databases.postgres();
        TaskType t = TaskType.of("noop");
        WorkflowSpec.Builder b = WorkflowSpec.builder("flat");
        for (int i = 0; i < Integer.getInteger("probe.tasks", 20_000); i++) {
            b.task(TaskSpec.builder("t" + i, t));
        }
        WorkflowSpec wf = b.build();
        DataSource ds1 = new SimplePool(raw.getUrl() + "?user=postgres", 8);
        DataSource ds2 = new SimplePool(raw.getUrl() + "?user=postgres", 8);
        ClusterNode n1 = ClusterNode.builder(ds1).nodeId("n1").threads(4).workflow(wf).handler(t, c -> null).build();
        ClusterNode n2 = ClusterNode.builder(ds2).nodeId("n2").threads(4).workflow(wf).handler(t, c -> null).build();
        long t0 = System.nanoTime();
        String run = n1.submit(wf, Map.of());
        long t1 = System.nanoTime();
        RunStatus s = n2.await(run, Duration.ofMinutes(5));
        double secs = (System.nanoTime() - t1) / 1e9;
        System.out.printf("%d no-op tasks: submit %.2f s, run %.2f s = %.0f tasks/s (%s)%n", wf.tasks().size(), (t1 - t0) / 1e9, secs,
                wf.tasks().size() / secs, s);
        n1.close();
        n2.close();
    }
}
