package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The crash proof on a real PostgreSQL: a separate JVM runs a 10,000-task workflow and is killed with SIGKILL
 * mid-run; a second JVM resumes it to completion. No task that had succeeded runs again, the effect table holds
 * every task's effect exactly once (keyed by idempotency key), and nothing is left RUNNING.
 */
@Tag("slow")
class CrashRecoveryTest {

    @Test
    void sigkillMidRun_thenResumeInANewProcess_completesWithEveryEffectOnce() throws Exception {
        PGSimpleDataSource ds = (PGSimpleDataSource) Databases.postgres();
        String url = ds.getUrl() + "?user=postgres";
        CrashWorker.schema(ds);
        JdbcStores.migrate(ds);

        Process first = worker("start", url);
        BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        String runId = readRun(out);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (count(ds, "SELECT COUNT(*) FROM effects") < 3000) {
            assertThat(System.nanoTime()).as("first worker made progress").isLessThan(deadline);
            assertThat(first.isAlive()).as("first worker still running").isTrue();
            first.waitFor(50, TimeUnit.MILLISECONDS);
        }
        first.destroyForcibly();   // SIGKILL on Unix
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Set<String> succeededAtCrash = ids(ds, "SELECT task_id FROM sup_task WHERE run_id = '" + runId
                + "' AND state = 'SUCCEEDED'");
        long runningAtCrash = count(ds, "SELECT COUNT(*) FROM sup_task WHERE state = 'RUNNING'");
        System.out.println("killed with " + succeededAtCrash.size() + " tasks succeeded, " + runningAtCrash
                + " running");
        assertThat(succeededAtCrash.size()).isBetween(1, 9_999);

        long t0 = System.nanoTime();
        Process second = worker("resume", url, runId);
        BufferedReader out2 = new BufferedReader(new InputStreamReader(second.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(readRun(out2)).isEqualTo(runId);
        String done = out2.readLine();
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.printf("resumed run finished in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertThat(done).isEqualTo("DONE SUCCEEDED");

        assertThat(count(ds, "SELECT COUNT(*) FROM effects")).isEqualTo(10_000);
        assertThat(count(ds, "SELECT COUNT(*) FROM sup_task WHERE run_id = '" + runId + "' AND state = 'SUCCEEDED'"))
                .isEqualTo(10_000);
        assertThat(count(ds, "SELECT COUNT(*) FROM sup_task WHERE state = 'RUNNING'")).isZero();
        Set<String> ranTwice = ids(ds, "SELECT task_id FROM executions GROUP BY task_id HAVING COUNT(*) > 1");
        assertThat(ranTwice).doesNotContainAnyElementsOf(succeededAtCrash);
        assertThat((long) ranTwice.size()).isLessThanOrEqualTo(runningAtCrash);
    }

    @Test
    void resumeOf100kTaskRun_afterSigkill_startsExecutingQuickly() throws Exception {
        PGSimpleDataSource ds = (PGSimpleDataSource) Databases.postgres();
        String url = ds.getUrl() + "?user=postgres";
        CrashWorker.schema(ds);
        JdbcStores.migrate(ds);
        Process first = worker(List.of("-Dcrash.layers=1000"), "start", url);
        String runId = readRun(new BufferedReader(new InputStreamReader(first.getInputStream(),
                StandardCharsets.UTF_8)));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (count(ds, "SELECT COUNT(*) FROM effects") < 2000) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            first.waitFor(50, TimeUnit.MILLISECONDS);
        }
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        long launched = System.currentTimeMillis();
        Process second = worker(List.of("-Dcrash.layers=1000"), "resume", url, runId);
        BufferedReader out = new BufferedReader(new InputStreamReader(second.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.startsWith("RUN "));
        long pid = second.pid();
        long firstExecution;
        do {
            second.waitFor(20, TimeUnit.MILLISECONDS);
            firstExecution = count(ds, "SELECT COALESCE(MIN(at), 0) FROM executions WHERE pid = " + pid);
        } while (firstExecution == 0 && System.nanoTime() < deadline);
        second.destroyForcibly();
        long jvmStart = Long.parseLong(line.split(" ")[2]);
        System.out.printf("100k-task run: resumed process executing %d ms after launch (%d ms after JVM start)%n",
                firstExecution - launched, firstExecution - jvmStart);
        assertThat(firstExecution - launched).isLessThan(10_000);
    }

    private static String readRun(BufferedReader out) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("RUN ")) {
                return line.split(" ")[1];
            }
        }
        throw new AssertionError("worker printed no run id");
    }

    private static Process worker(String... args) throws Exception {
        return worker(List.of(), args);
    }

    private static Process worker(List<String> jvmArgs, String... args) throws Exception {
        return WorkerJvms.start(jvmArgs, CrashWorker.class, List.of(args), ProcessBuilder.Redirect.DISCARD);
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> ids(DataSource ds, String sql) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
