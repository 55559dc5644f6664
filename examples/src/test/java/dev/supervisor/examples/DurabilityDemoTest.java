package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durability demo for real: a child JVM halts mid-run, this JVM resumes the run from the H2 file. */
class DurabilityDemoTest {
    @Test
    void runSurvivesItsProcessDying(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("runs");
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityDemo.class.getName(), "--crash-after", "5", "--db", db.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                lines.add(l);
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(String.join("\n", lines)).isEqualTo(137);
        assertThat(Files.exists(Path.of(db + ".mv.db"))).isTrue();

        List<Integer> steps = new ArrayList<>();
        var out = DurabilityDemo.run(db, steps::add);
        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        // 12 chained steps; the halt happened inside step 5's handler, so 4 had succeeded and step 5 was RUNNING:
        // the resumed process runs steps 5 to 12 (step 5 a second time, under the same idempotency key).
        assertThat(steps).hasSize(8);
        assertThat(out.task("notify").output()).isEqualTo("notify ok");
    }
}
