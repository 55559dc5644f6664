package dev.supervisor.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.api.spi.TaskRecord;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.jdbc.JdbcStores;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Closing the application context during a run: drained within the deadline, cancelled or handed over past it. */
class SupervisorLifecycleTest {
    private static final TaskType SLOW = TaskType.of("slow");
    private static final WorkflowSpec WORKFLOW = WorkflowSpec.builder("w").task(TaskSpec.builder("t", SLOW)).build();

    /** Blocks each attempt until released (interruptibly), telling the test when it has started. */
    static final class Gate implements TaskHandler {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Object execute(TaskContext context) throws Exception {
            started.countDown();
            release.await();
            return "done";
        }

        @Override
        public Set<TaskType> types() {
            return Set.of(SLOW);
        }
    }

    private final Gate gate = new Gate();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false", "supervisor.cancellation-grace=0s")
            .withBean(Gate.class, () -> gate)
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class));

    /** Waits for a condition another thread brings about (bounded, so a broken build fails instead of hanging). */
    private static void await(BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(end);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void contextClose_duringARun_waitsForItToFinish() {
        runner.withPropertyValues("supervisor.shutdown-deadline=60s").run(ctx -> {
            Supervisor sup = ctx.getBean(Supervisor.class);
            RunHandle run = sup.submit(WORKFLOW);
            gate.started.await();
            Thread closer = new Thread(ctx::close, "closer");
            closer.start();
            await(() -> !sup.stats().accepting()); // draining: no new runs, the running one goes on
            assertThat(run.outcome()).isNotDone();
            gate.release.countDown();
            closer.join();
            assertThat(run.outcome().join().status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(sup.stats().activeRuns()).isZero();
        });
    }

    @Test
    void contextClose_pastTheDeadline_cancelsTheRun_andTheStoreKeepsNothingRunning() {
        DataSource ds = TestDatabases.h2();
        runner.withBean(DataSource.class, () -> ds)
                .withPropertyValues("supervisor.store=jdbc", "supervisor.shutdown-deadline=0s").run(ctx -> {
                    RunHandle run = ctx.getBean(Supervisor.class).submit(WORKFLOW);
                    gate.started.await();
                    ctx.close();
                    assertThat(run.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.CANCELLED);
                    assertThat(JdbcStores.runStore(ds).tasks(run.runId())).extracting(TaskRecord::state)
                            .containsExactly(TaskState.CANCELLED);
                });
    }

    @Test
    void clusterNodeClose_duringARun_releasesItsLeases_andAnotherNodeFinishesTheRun() {
        DataSource ds = TestDatabases.postgres();
        ApplicationContextRunner node = runner.withBean(DataSource.class, () -> ds).withPropertyValues(
                "supervisor.store=jdbc", "supervisor.cluster.enabled=true", "supervisor.cluster.lease=2s",
                "supervisor.shutdown-deadline=0s");
        String[] runId = new String[1];
        node.withPropertyValues("supervisor.node-id=first").run(ctx -> {
            runId[0] = ctx.getBean(Supervisor.class).submit(WORKFLOW).runId();
            gate.started.await();
            ctx.close();
        });
        RunStore store = JdbcStores.runStore(ds);
        List<TaskRecord> left = store.tasks(runId[0]);
        assertThat(left).allSatisfy(t -> {
            if (t.state() == TaskState.RUNNING) {
                assertThat(t.leaseOwner()).as("a RUNNING task has a lease").isNotNull();
                assertThat(t.leaseExpiry()).isNotNull();
            }
        });
        assertThat(left).extracting(TaskRecord::state).doesNotContain(TaskState.RUNNING);

        gate.release.countDown(); // the second node's attempt finishes at once
        node.withPropertyValues("supervisor.node-id=second").run(ctx -> {
            RunHandle run = ctx.getBean(Supervisor.class).run(runId[0]).orElseThrow();
            assertThat(run.outcome().get(60, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);
        });
        assertThat(store.findRun(runId[0]).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void lifecycle_phase_isBelowTheWebServers() {
        assertThat(SupervisorLifecycle.PHASE).isLessThan(org.springframework.context.SmartLifecycle.DEFAULT_PHASE
                - 2048);
        runner.run(ctx -> assertThat(ctx.getBean(SupervisorLifecycle.class).isRunning()).isTrue());
    }
}
