package dev.supervisor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.Backoff;
import dev.supervisor.api.EdgeCondition;
import dev.supervisor.api.FailureStrategy;
import dev.supervisor.api.Priority;
import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.TriggerRule;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.json.internal.StoredReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Every field of a workflow survives {@link WorkflowJson#write} then {@link WorkflowJson#read}, on seeded random
 * workflows that set every field (checked: a field the generator never varies fails the test, so a field added to
 * the model must be generated, and then compared, here).
 */
class WorkflowJsonRoundTripTest {
    /** A failure type of the host application, stored by its binary name ({@code ...$Flaky}). */
    static final class Flaky extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static final List<Class<? extends Throwable>> FAILURES = List.of(IOException.class,
            UncheckedIOException.class, TimeoutException.class, IllegalStateException.class, Flaky.class,
            Error.class, Throwable.class);
    private static final String ID_CHARS = "abcXYZ019._:-";
    private static final String TYPE_CHARS = "abcXYZ019._:/-";
    private static final String[] TEXT_PIECES = {"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f",
        "é", "中", "😀", "\u2028", "\ud800", "'", "{", "}", "[0]", "${x}", "<b>"};

    @Test
    void writeThenRead_randomWorkflows_keepEveryField() {
        long seed = System.nanoTime();
        System.out.println("writeThenRead_randomWorkflows seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        ModelComparison comparison = new ModelComparison();
        for (int round = 0; round < 300; round++) {
            WorkflowSpec wf = workflow(rnd);
            String json = WorkflowJson.write(wf);
            WorkflowSpec back = WorkflowJson.read(json);
            assertThat(comparison.differences(wf, back)).as("seed %d round %d", seed, round).isEmpty();
            assertThat(WorkflowJson.write(back)).isEqualTo(json);
            String compact = WorkflowJson.writeCompact(wf); // what stores keep
            assertThat(compact).doesNotContain("\n").hasSizeLessThan(json.length());
            assertThat(comparison.differences(wf, WorkflowJson.read(compact))).as("compact, seed %d round %d", seed,
                    round).isEmpty();
            // The lean reader stores use: it must accept what the writer wrote and read the same workflow.
            for (String doc : List.of(compact, json)) {
                WorkflowSpec lean = StoredReader.read(doc, getClass().getClassLoader());
                assertThat(lean).as("lean reader accepts, seed %d round %d", seed, round).isNotNull();
                assertThat(comparison.differences(wf, lean)).as("lean, seed %d round %d", seed, round).isEmpty();
            }
            for (TaskSpec t : wf.tasks()) {
                assertThat(new ModelComparison().differences(t, t.toBuilder().build())).as("toBuilder, seed %d", seed)
                        .isEmpty();
            }
        }
        assertThat(comparison.fieldsNeverVaried()).as("fields the generator never varies (seed %d)", seed)
                .isEmpty();
    }

    private static WorkflowSpec workflow(SplittableRandom rnd) {
        String workflowId = nonBlank(rnd, 60);
        WorkflowSpec.Builder b = WorkflowSpec.builder(workflowId.length() > 200
                ? workflowId.substring(0, 200) : workflowId);
        if (rnd.nextBoolean()) {
            b.name(text(rnd, 30));
        }
        if (rnd.nextBoolean()) {
            b.failureStrategy(FailureStrategy.values()[rnd.nextInt(2)]);
        }
        if (rnd.nextBoolean()) {
            b.maxConcurrency(1 + rnd.nextInt(rnd.nextBoolean() ? 10 : Integer.MAX_VALUE));
        }
        if (rnd.nextBoolean()) {
            b.timeout(positive(rnd));
        }
        int n = 1 + rnd.nextInt(12);
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        while (ids.size() < n) {
            String id = word(rnd, ID_CHARS, 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 200 : 8));
            // an indexed id only on a base no task has, so it never takes a fan-out instance's id
            String indexed = id + "[" + rnd.nextInt(100_000) + "]";
            if (rnd.nextInt(8) == 0 && !used.contains(id)) {
                id = indexed;
            }
            if (used.add(id) && used.add(id.replaceAll("\\[.*", ""))) {
                ids.add(id);
            }
        }
        for (int i = 0; i < n; i++) {
            b.task(task(rnd, ids, i));
        }
        return b.build();
    }

    private static TaskSpec task(SplittableRandom rnd, List<String> ids, int i) {
        TaskSpec.Builder t = TaskSpec.builder(ids.get(i), TaskType.of(word(rnd, TYPE_CHARS, 1 + rnd.nextInt(128))));
        if (rnd.nextBoolean()) {
            t.name(text(rnd, 20));
        }
        if (rnd.nextBoolean()) {
            t.config(JsonGen.object(rnd, 0));
        }
        if (rnd.nextBoolean()) {
            t.priority(Priority.values()[rnd.nextInt(Priority.values().length)]);
        }
        if (rnd.nextBoolean()) {
            t.estimatedDuration(rnd.nextInt(10) == 0 ? Duration.ZERO : positive(rnd));
        }
        if (rnd.nextBoolean()) {
            t.retryPolicy(retry(rnd));
        }
        if (rnd.nextBoolean()) {
            t.timeout(positive(rnd));
        }
        for (int k = rnd.nextInt(3); k > 0; k--) {
            t.tags(nonBlank(rnd, 10));
        }
        for (int k = i == 0 ? 0 : rnd.nextInt(4); k > 0; k--) {
            String up = ids.get(rnd.nextInt(i)); // only earlier tasks: no cycle
            switch (rnd.nextInt(5)) {
                case 0 -> t.dependsOn(up, EdgeCondition.onFailure());
                case 1 -> t.dependsOn(up, EdgeCondition.onCompletion());
                case 2 -> t.dependsOn(up, EdgeCondition.custom(nonBlank(rnd, 20)));
                default -> t.dependsOn(up);
            }
        }
        if (rnd.nextBoolean()) {
            t.triggerRule(TriggerRule.values()[rnd.nextInt(TriggerRule.values().length)]);
        }
        if (rnd.nextBoolean()) {
            t.condition(nonBlank(rnd, 30));
        }
        if (rnd.nextInt(4) == 0) {
            t.fanOut(nonBlank(rnd, 30), 1 + rnd.nextInt(10_000));
        }
        if (rnd.nextInt(4) == 0) {
            t.teardown(true);
        }
        return t.build();
    }

    @SuppressWarnings("unchecked")
    private static RetryPolicy retry(SplittableRandom rnd) {
        RetryPolicy.Builder r = RetryPolicy.builder();
        if (rnd.nextBoolean()) {
            r.maxAttempts(1 + rnd.nextInt(1000));
        }
        Duration delay = rnd.nextBoolean() ? Duration.ZERO : positive(rnd);
        r.backoff(Backoff.values()[rnd.nextInt(3)], delay);
        if (rnd.nextBoolean()) {
            Duration other = positive(rnd);
            r.maxDelay(rnd.nextBoolean() || other.compareTo(delay) < 0 ? delay : other);
        }
        r.jitter(rnd.nextBoolean());
        for (int k = rnd.nextInt(3); k > 0; k--) {
            r.retryOn(FAILURES.get(rnd.nextInt(FAILURES.size())));
        }
        for (int k = rnd.nextInt(3); k > 0; k--) {
            r.abortOn(FAILURES.get(rnd.nextInt(FAILURES.size())));
        }
        return r.build();
    }

    /** Positive durations of every scale, to the nanosecond, up to the largest a Duration holds. */
    private static Duration positive(SplittableRandom rnd) {
        return switch (rnd.nextInt(5)) {
            case 0 -> Duration.ofNanos(1 + rnd.nextInt(1_000_000));
            case 1 -> Duration.ofMillis(1 + rnd.nextInt(100_000));
            case 2 -> Duration.ofSeconds(rnd.nextLong(0, Long.MAX_VALUE), 1 + rnd.nextInt(999_999_999));
            case 3 -> Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);
            default -> Duration.ofMinutes(1 + rnd.nextInt(10_000));
        };
    }

    static String word(SplittableRandom rnd, String chars, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int k = 0; k < length; k++) {
            sb.append(chars.charAt(rnd.nextInt(chars.length())));
        }
        return sb.toString();
    }

    /** Text with quotes, escapes, control characters, surrogate pairs and a lone surrogate now and then. */
    static String text(SplittableRandom rnd, int pieces) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(pieces + 1); k > 0; k--) {
            sb.append(TEXT_PIECES[rnd.nextInt(TEXT_PIECES.length)]);
        }
        return sb.toString();
    }

    static String nonBlank(SplittableRandom rnd, int pieces) {
        String s = text(rnd, pieces - 1) + word(rnd, ID_CHARS, 1);
        return rnd.nextBoolean() ? s : word(rnd, ID_CHARS, 1) + s;
    }

    /** Random JSON-compatible values, numbers of every Java type a host may put in a config. */
    static final class JsonGen {
        private JsonGen() {
        }

        static Map<String, Object> object(SplittableRandom rnd, int depth) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int k = rnd.nextInt(depth == 0 ? 6 : 4); k > 0; k--) {
                m.put(text(rnd, 6), value(rnd, depth + 1));
            }
            return m;
        }

        static Object value(SplittableRandom rnd, int depth) {
            int kind = rnd.nextInt(depth > 3 ? 12 : 14);
            return switch (kind) {
                case 0 -> null;
                case 1 -> rnd.nextBoolean();
                case 2 -> text(rnd, 8);
                case 3 -> rnd.nextInt();
                case 4 -> rnd.nextLong();
                case 5 -> (long) rnd.nextInt(1000);
                case 6 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(-300, 300)) * (rnd.nextBoolean() ? 1 : -1);
                case 7 -> (float) rnd.nextDouble() * 1000;
                case 8 -> new BigInteger(rnd.nextInt(1, 400), new java.util.Random(rnd.nextLong()));
                case 9 -> new BigDecimal(BigInteger.valueOf(rnd.nextLong()), rnd.nextInt(-5, 20));
                case 10 -> (short) rnd.nextInt(Short.MIN_VALUE, Short.MAX_VALUE);
                case 11 -> rnd.nextBoolean() ? -0.0 : (double) rnd.nextInt(100);
                case 12 -> object(rnd, depth);
                default -> {
                    List<Object> l = new ArrayList<>();
                    for (int k = rnd.nextInt(4); k > 0; k--) {
                        l.add(value(rnd, depth + 1));
                    }
                    yield l;
                }
            };
        }
    }
}
