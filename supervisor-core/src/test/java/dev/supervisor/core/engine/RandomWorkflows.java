package dev.supervisor.core.engine;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskTimeoutException;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random workflows with a script of what each attempt of each task does, for comparing the engine with
 * {@link SequentialReference}. Only forms whose meaning does not depend on timing are generated: conditions read
 * the run's inputs, edge expressions read their own upstream's result.
 */
final class RandomWorkflows {
    static final TaskType SCRIPTED = TaskType.of("scripted");
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Duration RETRY_DELAY = Duration.ofSeconds(1);

    /** What one attempt does. */
    enum Act { SUCCEED, FAIL_STATE, FAIL_ARGUMENT, HANG }

    /** A workflow, its inputs and, per task id, what each attempt does (the last entry repeats). */
    record Case(long seed, WorkflowSpec workflow, Map<String, Object> inputs, Map<String, List<Act>> script,
                Map<String, Integer> outputs) {
        Act act(String taskId, int attempt) {
            List<Act> acts = script.get(taskId);
            return acts.get(Math.min(attempt, acts.size()) - 1);
        }
    }

    /** Edge expressions over the upstream result, each with its meaning in {@link SequentialReference}. */
    static final List<String> EDGE_EXPRESSIONS = List.of("status == 'SUCCEEDED'", "output > 3", "true", "false",
            "attempts >= 2", "output.size > 1");

    /** Task conditions over the inputs. */
    static final List<String> CONDITIONS = List.of("inputs.flag", "!inputs.flag", "inputs.n > 2", "inputs.missing");

    private RandomWorkflows() {
    }

    static Case generate(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(10);
        WorkflowSpec.Builder wf = WorkflowSpec.builder("random-" + seed)
                .failureStrategy(r.nextInt(5) < 3 ? FailureStrategy.CONTINUE : FailureStrategy.FAIL_FAST);
        Map<String, List<Act>> script = new HashMap<>();
        Map<String, Integer> outputs = new HashMap<>();
        TriggerRule[] rules = TriggerRule.values();
        for (int i = 0; i < n; i++) {
            String id = "t" + i;
            TaskSpec.Builder t = TaskSpec.builder(id, SCRIPTED);
            List<Integer> ups = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                if (ups.size() < 3 && r.nextInt(100) < 35) {
                    ups.add(j);
                }
            }
            for (int j : ups) {
                int k = r.nextInt(10);
                EdgeCondition c = k < 7 ? EdgeCondition.onSuccess() : k == 7 ? EdgeCondition.onFailure()
                        : k == 8 ? EdgeCondition.onCompletion()
                        : EdgeCondition.custom(EDGE_EXPRESSIONS.get(r.nextInt(EDGE_EXPRESSIONS.size())));
                t.dependsOn("t" + j, c);
            }
            t.triggerRule(r.nextInt(100) < 40 ? TriggerRule.ALL_SUCCESS : rules[r.nextInt(rules.length)]);
            if (r.nextInt(100) < 15) {
                t.condition(CONDITIONS.get(r.nextInt(CONDITIONS.size())));
            }
            int attempts = 1 + r.nextInt(3);
            RetryPolicy.Builder policy = RetryPolicy.builder().maxAttempts(attempts)
                    .backoff(Backoff.FIXED, RETRY_DELAY);
            int p = r.nextInt(4);
            if (p == 0) {
                policy.abortOn(IllegalArgumentException.class);
            } else if (p == 1) {
                policy.retryOn(IllegalStateException.class, TaskTimeoutException.class);
            }
            t.retryPolicy(policy.build());
            boolean timed = r.nextInt(100) < 10;
            if (timed) {
                t.timeout(TIMEOUT);
            }
            List<Act> acts = new ArrayList<>();
            for (int a = 0; a < 3; a++) {
                int k = r.nextInt(10);
                // A task with a timeout hangs on every attempt: when one attempt's time runs out, so does the time of
                // every other attempt started no later, and only hanging ones may be among them.
                acts.add(timed ? Act.HANG : k < 6 ? Act.SUCCEED : k < 8 ? Act.FAIL_STATE : Act.FAIL_ARGUMENT);
            }
            script.put(id, acts);
            outputs.put(id, r.nextInt(8));
            wf.task(t);
        }
        Map<String, Object> inputs = Map.of("flag", r.nextBoolean(), "n", r.nextInt(5));
        return new Case(seed, wf.build(), inputs, script, outputs);
    }
}
