package dev.supervisor.examples.spring;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of the code-change workflow as task handler beans (the starter registers each for the types it
 * declares), on a small sample change held in memory: each step does its work on the files of the change and takes
 * {@code codechange.work-delay} besides, like a call to a real tool would.
 */
@Configuration(proxyBeanMethods = false)
class CodeChangeHandlers {
    static final TaskType CHECKOUT = TaskType.of("git.checkout");
    static final TaskType LINT = TaskType.of("lint");
    private static final Pattern SECRET = Pattern.compile("(?i)(password|secret|api[_-]?key)\\s*=\\s*\"[^\"]{6,}\"");
    private static final Map<String, String> FILES = Map.of(
            "Money.java", "public final class Money {\n    // TODO: currency conversion\n"
                    + "    static long addCents(long a, long b) { return Math.addExact(a, b); }\n}\n",
            "Settings.java", "final class Settings {\n    static final String apiKey = \"sk_live_51Hxyz\";\n}\n");

    /** One step: its task type, and its work after the simulated delay. */
    record Step(TaskType type, Duration delay, Function<TaskContext, Object> work) implements TaskHandler {
        @Override
        public Set<TaskType> types() {
            return Set.of(type);
        }

        @Override
        public Object execute(TaskContext ctx) throws InterruptedException {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis()); // the tool's own time; cancellation interrupts it
            }
            return work.apply(ctx);
        }
    }

    @Bean
    Step checkout(CodeChangeProperties props) {
        return new Step(CHECKOUT, props.workDelay(), ctx -> Map.of("repository", String.valueOf(ctx.inputs()
                .getOrDefault("repository", "acme/payments")), "files", FILES.size()));
    }

    @Bean
    Step lint(CodeChangeProperties props) {
        return new Step(LINT, props.workDelay(), ctx -> lint());
    }

    @Bean
    Step unitTests(CodeChangeProperties props) {
        return new Step(TaskType.TESTING, props.workDelay(), ctx -> {
            int passed = (Math.addExact(150, 275) == 425 ? 1 : 0) + (String.format("%d.%02d", 4, 25)
                    .equals("4.25") ? 1 : 0);
            return Map.of("passed", passed, "failed", 2 - passed);
        });
    }

    @Bean
    Step securityAudit(CodeChangeProperties props) {
        return new Step(TaskType.SECURITY_AUDIT, props.workDelay(), ctx -> audit());
    }

    @Bean
    Step review(CodeChangeProperties props) {
        return new Step(TaskType.PR_REVIEW, props.workDelay(), CodeChangeHandlers::review);
    }

    @Bean
    Step report(CodeChangeProperties props) {
        return new Step(TaskType.DOCUMENTATION, props.workDelay(), ctx -> "# Review of " + ctx.inputs()
                .getOrDefault("change", "the change") + "\n\nDecision: "
                + ((Map<?, ?>) ctx.upstreamOutput("review")).get("decision"));
    }

    private static Object lint() {
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

    private static Object audit() {
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
