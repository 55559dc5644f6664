package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar the README runs, as a user runs it: it starts, binds Logback as the SLF4J provider (no "no providers"
 * warning) and completes a run, and the stand-in agent CLI of the main demo runs from it with nothing else on the
 * class path. The durability demo is the one started here because nothing in it has a timeout: the check cannot
 * depend on how busy the machine is.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "supervisor-examples.jar");

    @Test
    void durabilityDemo_fromTheShadedJar_bindsLogbackAndSucceeds(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("out.txt");
        Process p = new ProcessBuilder(java, "-Dslf4j.internal.verbosity=DEBUG", "-cp", JAR.toString(),
                DurabilityDemo.class.getName(), "--db", dir.resolve("runs").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        String out = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as(out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Connected with provider of type [ch.qos.logback.classic.spi.LogbackServiceProvider]")
                .doesNotContain("SLF4J(W)").doesNotContain("SLF4J(E)")
                .containsPattern("run \\S+ SUCCEEDED");
    }

    @Test
    void fakeClaudeCli_fromTheShadedJar_answersInClaudeCodesJson(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.json");
        Process p = new ProcessBuilder(java, "-cp", JAR.toString(), FakeClaudeCli.class.getName(), "-p",
                "--output-format", "json").redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write("Review PR-1".getBytes(StandardCharsets.UTF_8));
        }
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        String json = Files.readString(out, StandardCharsets.UTF_8);

        assertThat(ended).as(json).isTrue();
        assertThat(p.exitValue()).as(json).isZero();
        assertThat(json).startsWith("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false")
                .contains("\"result\":\"Reviewed: Review PR-1 (pid ", "\"total_cost_usd\":");
    }
}
