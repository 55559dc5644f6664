package dev.supervisor.examples;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A run that survives the death of its process. The first start submits a 12-step nightly report whose runs live in
 * an H2 file database; with {@code --crash-after N} the process halts abruptly (like {@code kill -9}) once N steps
 * are done. The next start finds the unfinished run in the database and resumes it: finished steps are not run
 * again, and the step that was running when the process died runs once more.
 *
 * <pre>
 * java -cp examples/target/supervisor-examples.jar dev.supervisor.examples.DurabilityDemo --crash-after 5
 * java -cp examples/target/supervisor-examples.jar dev.supervisor.examples.DurabilityDemo
 * </pre>
 */
public final class DurabilityDemo {
    static final TaskType STEP = TaskType.of("report-step");

    private DurabilityDemo() {
    }

    static WorkflowSpec workflow() {
        WorkflowSpec.Builder b = WorkflowSpec.builder("nightly-report");
        String[] steps = {"extract-commits", "extract-issues", "extract-builds", "join", "score-risk", "summarise",
            "render-charts", "render-tables", "assemble", "spell-check", "publish", "notify"};
        for (int i = 0; i < steps.length; i++) {
            TaskSpec.Builder t = TaskSpec.builder(steps[i], STEP);
            if (i > 0) {
                t.dependsOn(steps[i - 1]);
            }
            b.task(t);
        }
        return b.build();
    }

    static DataSource database(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        return ds;
    }

    /**
     * Starts or resumes the report.
     *
     * @param db the database file (without extension)
     * @param onStepDone called with the number of steps done in this process
     * @return the outcome
     */
    static RunOutcome run(Path db, IntConsumer onStepDone) {
        DataSource ds = database(db);
        RunStore store = JdbcStores.runStore(ds);
        AtomicInteger done = new AtomicInteger();
        Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(store).handler(STEP, ctx -> {
            System.out.printf("  %-16s attempt %d (key %s)%n", ctx.task().id(), ctx.attempt(),
                    ctx.idempotencyKey());
            onStepDone.accept(done.incrementAndGet());
            return ctx.task().id() + " ok";
        }).build());
        List<String> unfinished = JdbcStores.unfinishedRuns(ds, "nightly-report");
        RunHandle run;
        if (unfinished.isEmpty()) {
            run = sup.submit(workflow());
            System.out.println("started run " + run.runId() + " (database " + db + ")");
        } else {
            run = sup.resume(workflow(), unfinished.get(0));
            System.out.println("resumed run " + run.runId() + " found unfinished in " + db);
        }
        RunOutcome out = run.outcome().join();
        sup.close();
        return out;
    }

    /** @param args {@code [--crash-after N] [--db PATH]} */
    public static void main(String[] args) {
        int crashAfter = -1;
        Path db = Path.of("target", "durability-demo", "runs");
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--crash-after")) {
                crashAfter = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--db")) {
                db = Path.of(args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --crash-after N and --db PATH)");
            }
        }
        int limit = crashAfter;
        RunOutcome out = run(db, n -> {
            if (n == limit) {
                System.out.println("  ** process dies now (halt, like kill -9); start again to resume **");
                Runtime.getRuntime().halt(137);
            }
        });
        System.out.println("run " + out.runId() + " " + out.status());
    }
}
