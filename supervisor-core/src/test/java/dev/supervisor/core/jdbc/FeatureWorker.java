package dev.supervisor.core.jdbc;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunHandle;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.ClusterConfig;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The workflow of the cluster feature proof and a cluster member that runs it in its own JVM: {@code submit <url>
 * <node>} submits it and works on it, {@code join <url> <node>} works until no run is active. Every feature of the
 * engine is in it — trigger rules, conditions and edge expressions over upstream outputs, retries with retry-on and
 * abort-on, a timeout, a fan-out of 1,000 items — and every handler gives the same result however often it runs,
 * so the outcome must not depend on which node ran what, or on a node dying.
 */
public final class FeatureWorker {
    static final int ITEMS = 1000;
    static final TaskType PLAN = TaskType.of("plan");
    static final TaskType ITEM = TaskType.of("item");
    static final TaskType FLAKY = TaskType.of("flaky");
    static final TaskType FATAL = TaskType.of("fatal");
    static final TaskType HANG = TaskType.of("hang");
    static final TaskType STEP = TaskType.of("step");

    private FeatureWorker() {
    }

    static WorkflowSpec workflow() {
        RetryPolicy retryState = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.FIXED, Duration.ofMillis(200))
                .retryOn(IllegalStateException.class).abortOn(IllegalArgumentException.class).build();
        return WorkflowSpec.builder("cluster-features").failureStrategy(FailureStrategy.CONTINUE)
                .task(TaskSpec.builder("plan", PLAN))
                .task(TaskSpec.builder("review", ITEM).dependsOn("plan").fanOut("tasks['plan'].output.items", ITEMS)
                        .retryPolicy(retryState))
                .task(TaskSpec.builder("flaky", FLAKY).dependsOn("plan").retryPolicy(retryState))
                .task(TaskSpec.builder("fatal", FATAL).dependsOn("plan").retryPolicy(retryState))
                .task(TaskSpec.builder("slow", HANG).dependsOn("plan").timeout(Duration.ofSeconds(2))
                        .retryPolicy(RetryPolicy.builder().maxAttempts(2).backoff(Backoff.FIXED, Duration.ofMillis(100))
                                .abortOn(TaskTimeoutException.class).build()))
                // ONE_FAILED runs alert as soon as fatal fails; its other upstream must have ended by then, or what
                // alert sees of it depends on how busy the nodes are (flaky's retry succeeds 200 ms later).
                .task(TaskSpec.builder("alert", STEP).dependsOn("fatal", "plan").triggerRule(TriggerRule.ONE_FAILED))
                .task(TaskSpec.builder("publish", STEP).dependsOn("fatal"))
                .task(TaskSpec.builder("gate", STEP).dependsOn("plan", EdgeCondition.custom("output.threshold > 100")))
                .task(TaskSpec.builder("skipme", STEP).dependsOn("plan",
                        EdgeCondition.custom("output.threshold > 1000")))
                .task(TaskSpec.builder("report", STEP).dependsOn("review", "alert", "slow", "gate")
                        .triggerRule(TriggerRule.ALL_DONE).condition("tasks['review'].status == 'SUCCEEDED'"))
                .build();
    }

    /** A supervisor with every handler; with a store and cluster settings it is a cluster node. */
    static SupervisorConfig.SupervisorConfigBuilder handlers(SupervisorConfig.SupervisorConfigBuilder b) {
        return handlers(b, -1);
    }

    /**
     * @param holdAfter after running this many fan-out items, the node's item handler holds every further item until
     *        the node is killed (or the attempt is stopped), so a proof can kill it while it holds leases however
     *        fast the rest of the cluster is; negative for never
     */
    static SupervisorConfig.SupervisorConfigBuilder handlers(SupervisorConfig.SupervisorConfigBuilder b,
            int holdAfter) {
        java.util.concurrent.atomic.AtomicInteger itemsRun = new java.util.concurrent.atomic.AtomicInteger();
        return b.handler(PLAN, ctx -> {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                items.add(i);
            }
            return Map.of("items", items, "threshold", 500);
        }).handler(ITEM, ctx -> {
            if (holdAfter >= 0 && itemsRun.incrementAndGet() > holdAfter) {
                while (!ctx.isCancelled()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                }
            }
            int item = ((Number) ctx.fanOutItem().orElseThrow()).intValue();
            if (item % 97 == 0 && ctx.attempt() == 1) {
                throw new IllegalStateException("item " + item + " hiccups once");
            }
            return item * 2;
        }).handler(FLAKY, ctx -> {
            if (ctx.attempt() == 1) {
                throw new IllegalStateException("first try fails");
            }
            return "flaky ok";
        }).handler(FATAL, ctx -> {
            throw new IllegalArgumentException("bad input: never retried");
        }).handler(HANG, ctx -> {
            while (!ctx.isCancelled()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // hangs until its timeout stops it
            }
            return null;
        }).handler(STEP, ctx -> ctx.task().id() + " saw " + ctx.upstreamOutputs().keySet().stream().sorted().toList());
    }

    public static void main(String[] args) throws Exception {
        DataSource ds = new SimplePool(args[1], 10);
        int holdAfter = Integer.getInteger("cluster.holdItemsAfter", -1);
        Supervisor node = Supervisor.create(handlers(SupervisorConfig.builder(), holdAfter)
                .runStore(JdbcStores.runStore(ds))
                .cluster(ClusterConfig.builder().lease(Duration.ofMillis(Long.getLong("cluster.leaseMs", 3000)))
                        .build())
                .nodeId(args[2]).maxConcurrency(4).build());
        if (args[0].equals("submit")) {
            RunHandle run = node.submit(workflow(), Map.of());
            System.out.println("RUN " + run.runId());
            System.out.flush();
            System.out.println("DONE " + run.outcome().get(10, TimeUnit.MINUTES).status());
        } else {
            System.out.println("READY"); // claiming from now on
            System.out.flush();
            while (true) {
                Thread.sleep(200);
                try (var c = ds.getConnection(); var s = c.createStatement();
                     var rs = s.executeQuery("SELECT COUNT(*), SUM(CASE WHEN status IN ('PENDING', 'RUNNING') THEN 1 "
                             + "ELSE 0 END) FROM sup_run")) {
                    rs.next();
                    if (rs.getInt(1) > 0 && rs.getInt(2) == 0) {
                        break;
                    }
                }
            }
            System.out.println("DONE");
        }
        System.out.flush();
        node.close();
        System.exit(0);
    }
}
