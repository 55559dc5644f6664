package dev.supervisor.examples.spring;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The steps of the code-change workflow, on a small sample change held in memory: each step does its work on the
 * files of the change and takes {@code workDelay} besides, like a call to a real tool would.
 */
final class CodeChangeHandlers {
    static final TaskType CHECKOUT = TaskType.of("git.checkout");
    static final TaskType LINT = TaskType.of("lint");
    private static final Pattern SECRET = Pattern.compile("(?i)(password|secret|api[_-]?key)\\s*=\\s*\"[^\"]{6,}\"");
    private static final Map<String, String> FILES = Map.of(
            "Money.java", "public final class Money {\n    // TODO: currency conversion\n"
                    + "    static long addCents(long a, long b) { return Math.addExact(a, b); }\n}\n",
            "Settings.java", "final class Settings {\n    static final String apiKey = \"sk_live_51Hxyz\";\n}\n");
    private final Duration delay;

    CodeChangeHandlers(Duration delay) {
        this.delay = delay;
    }

    /** @return one handler per task type of the workflow */
    Map<TaskType, TaskHandler> all() {
        Map<TaskType, TaskHandler> m = new LinkedHashMap<>();
        m.put(CHECKOUT, ctx -> step(ctx, () -> Map.of("repository", String.valueOf(ctx.inputs()
                .getOrDefault("repository", "acme/payments")), "files", FILES.size())));
        m.put(LINT, ctx -> step(ctx, this::lint));
        m.put(TaskType.TESTING, ctx -> step(ctx, () -> {
            int passed = (Math.addExact(150, 275) == 425 ? 1 : 0) + (String.format("%d.%02d", 4, 25)
                    .equals("4.25") ? 1 : 0);
            return Map.of("passed", passed, "failed", 2 - passed);
        }));
        m.put(TaskType.SECURITY_AUDIT, ctx -> step(ctx, this::audit));
        m.put(TaskType.PR_REVIEW, ctx -> step(ctx, () -> review(ctx)));
        m.put(TaskType.DOCUMENTATION, ctx -> step(ctx, () -> "# Review of " + ctx.inputs().getOrDefault("change",
                "the change") + "\n\nDecision: " + ((Map<?, ?>) ctx.upstreamOutput("review")).get("decision")));
        return m;
    }

    private Object step(TaskContext ctx, java.util.function.Supplier<Object> work) throws InterruptedException {
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis()); // the tool's own time; cancellation interrupts it
        }
        return work.get();
    }

    private Object lint() {
        List<String> findings = new ArrayList<>();
        FILES.forEach((name, text) -> {
            String[] lines = text.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains("TODO")) {
                    findings.add(name + ":" + (i + 1) + " TODO left in code");
                }
            }
        });
        return Map.of("findings", findings);
    }

    private Object audit() {
        List<String> findings = new ArrayList<>();
        FILES.forEach((name, text) -> {
            Matcher m = SECRET.matcher(text);
            while (m.find()) {
                findings.add(name + ": hard-coded " + m.group(1));
            }
        });
        return Map.of("findings", findings, "severity", findings.isEmpty() ? "none" : "high");
    }

    private static Object review(TaskContext ctx) {
        int lint = ((List<?>) ((Map<?, ?>) ctx.upstreamOutput("lint")).get("findings")).size();
        int failed = ((Number) ((Map<?, ?>) ctx.upstreamOutput("unit-tests")).get("failed")).intValue();
        int secrets = ((List<?>) ((Map<?, ?>) ctx.upstreamOutput("security-audit")).get("findings")).size();
        String decision = failed > 0 || secrets > 0 ? "CHANGES_REQUESTED" : lint > 0 ? "APPROVED_WITH_COMMENTS"
                : "APPROVED";
        return Map.of("decision", decision, "lintFindings", lint, "testsFailed", failed, "secrets", secrets);
    }
}
