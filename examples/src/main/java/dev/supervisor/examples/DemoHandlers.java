package dev.supervisor.examples;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local handlers of the demo. They do real work on a small generated repository: write it, lint it, compile it, run
 * its checks, scan it for secrets, brief the reviewing agent and write a Markdown report with the verdict. The code
 * change itself and the review are done by agents, through the router of {@link DemoProviders}; the checks compile
 * and run what the implementing agent wrote. Two failures are staged here: lint's first attempt loses its
 * connection, and the first attempt of the unit tests waits for a test process that never answers, so that the
 * task's timeout cuts it.
 */
final class DemoHandlers {
    static final TaskType CHECKOUT = TaskType.of("git.checkout");
    static final TaskType LINT = TaskType.of("lint");
    static final TaskType BUILD = TaskType.of("build");
    /** Checks in {@code MoneyCheck}; two of them need the method the implementing agent adds. */
    static final int CHECKS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(DemoHandlers.class);
    private static final Pattern SECRET = Pattern.compile("(?i)(password|secret|api[_-]?key)\\s*=\\s*\"[^\"]{6,}\"");

    private final Path workspace;
    private final Runnable onHang;

    /**
     * @param workspace an empty folder the handlers work in
     * @param onHang called when the first attempt of the unit tests starts waiting for an answer that never comes
     *               (tests use it to move their clock only once the hang is in place)
     */
    DemoHandlers(Path workspace, Runnable onHang) {
        this.workspace = workspace;
        this.onHang = onHang;
    }

    Object checkout(TaskContext ctx) throws IOException {
        Path src = Files.createDirectories(workspace.resolve("src/demo"));
        Files.writeString(src.resolve("Money.java"), String.join("\n",
                "package demo;",
                "public final class Money {",
                "    public static long addCents(long a, long b) { return Math.addExact(a, b); }",
                "    // TODO: currency conversion",
                "    public static String format(long cents) { return (cents / 100) + \".\" + String.format(\"%02d\","
                        + " cents % 100); }",
                "}", ""));
        Files.writeString(src.resolve("MoneyCheck.java"), String.join("\n",
                "package demo;",
                "public final class MoneyCheck {",
                "    public static int run() {",
                "        int passed = 0;",
                "        if (Money.addCents(150, 275) == 425) passed++;",
                "        if (Money.format(425).equals(\"4.25\")) passed++;",
                "        if (Money.format(5).equals(\"0.05\")) passed++;",
                "        if (Money.convert(1000, 1085) == 1085) passed++;",
                "        if (Money.convert(199, 1500) == 299) passed++;",
                "        return passed;",
                "    }",
                "}", ""));
        Files.writeString(src.resolve("Settings.java"), String.join("\n",
                "package demo;",
                "final class Settings {",
                "    static final String PASSWORD = \"from-vault\";",
                "    static final String apiKey = \"sk_live_51Hxyz\";",
                "}", ""));
        return Map.of("repository", ctx.inputs().get("repository"), "files", 3, "path", "src/demo");
    }

    Object lint(TaskContext ctx) throws IOException {
        if (ctx.attempt() == 1) {
            throw new IOException("lint server connection reset");
        }
        List<String> findings = new ArrayList<>();
        for (Path f : sources()) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > 100) {
                    findings.add(f.getFileName() + ":" + (i + 1) + " line longer than 100");
                }
                if (lines.get(i).contains("TODO")) {
                    findings.add(f.getFileName() + ":" + (i + 1) + " TODO left in code");
                }
            }
        }
        return Map.of("findings", findings);
    }

    Object build(TaskContext ctx) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return Map.of("compiled", 0, "note", "no compiler on this runtime");
        }
        Path classes = Files.createDirectories(workspace.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-nowarn"));
        List<Path> sources = sources();
        sources.forEach(p -> args.add(p.toString()));
        int rc = javac.run(null, null, null, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("compilation failed with code " + rc);
        }
        return Map.of("compiled", sources.size(), "classes", "classes");
    }

    Object unitTests(TaskContext ctx) throws Exception {
        if (ctx.attempt() == 1) {
            // Like a forked test process that never reports back: nothing completes this future, so the attempt
            // blocks until the task's timeout stops it (the engine interrupts it after the cancellation grace).
            CompletableFuture<Integer> testProcess = new CompletableFuture<>();
            onHang.run();
            return Map.of("passed", testProcess.get());
        }
        if (Files.notExists(workspace.resolve("classes/demo/MoneyCheck.class"))) {
            return Map.of("passed", 0, "failed", 0, "note", "nothing compiled");
        }
        try (URLClassLoader cl = new URLClassLoader(new URL[] {workspace.resolve("classes").toUri().toURL()})) {
            Object passed = cl.loadClass("demo.MoneyCheck").getMethod("run").invoke(null);
            return Map.of("passed", passed, "failed", CHECKS - (Integer) passed);
        }
    }

    Object securityAudit(TaskContext ctx) throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path f : sources()) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            var m = SECRET.matcher(text);
            while (m.find()) {
                findings.add(f.getFileName() + ": hard-coded " + m.group(1));
            }
        }
        return Map.of("findings", findings, "severity", findings.isEmpty() ? "none" : "high");
    }

    /** The reviewing agent's brief: the change and what the checks found. */
    @SuppressWarnings("unchecked")
    String reviewPrompt(TaskContext ctx) {
        Map<String, Object> up = ctx.upstreamOutputs();
        Map<String, Object> tests = (Map<String, Object>) up.get("unit-tests");
        return "Review " + ctx.inputs().get("change") + " of " + ctx.inputs().get("repository") + " (Money.convert)."
                + "\nLint findings: " + ((Map<String, Object>) up.get("lint")).get("findings")
                + "\nChecks: " + tests.get("passed") + " passed, " + tests.getOrDefault("failed", 0) + " failed"
                + "\nSecret scan: " + ((Map<String, Object>) up.get("security-audit")).get("findings")
                + "\nAnswer APPROVE or REQUEST_CHANGES with your reasons.";
    }

    /** Weighs the findings into a verdict and writes it, with the reviewing agent's answer, to report.md. */
    @SuppressWarnings("unchecked")
    Object report(TaskContext ctx) throws IOException {
        Map<String, Object> up = ctx.upstreamOutputs();
        int lint = ((List<Object>) ((Map<String, Object>) up.get("lint")).get("findings")).size();
        Map<String, Object> tests = (Map<String, Object>) up.get("unit-tests");
        int failed = ((Number) tests.getOrDefault("failed", 0)).intValue();
        int secrets = ((List<Object>) ((Map<String, Object>) up.get("security-audit")).get("findings")).size();
        Map<String, Object> review = (Map<String, Object>) up.get("review");
        String decision = failed > 0 || secrets > 0 ? "CHANGES_REQUESTED" : lint > 0 ? "APPROVED_WITH_COMMENTS"
                : "APPROVED";
        Path report = workspace.resolve("report.md");
        Files.writeString(report, "# Review of " + ctx.inputs().get("change") + "\n\n" + "Decision: **" + decision
                + "**\n\n" + "- lint findings: " + lint + "\n" + "- failed checks: " + failed + " of " + CHECKS + "\n"
                + "- hard-coded secrets: " + secrets + "\n" + "- reviewer (" + review.get("provider") + "): "
                + review.get("output") + "\n");
        LOG.info("review of {} written to {}", ctx.inputs().get("change"), report);
        return decision + " (" + report + ")";
    }

    private List<Path> sources() {
        try (Stream<Path> s = Files.walk(workspace.resolve("src"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
