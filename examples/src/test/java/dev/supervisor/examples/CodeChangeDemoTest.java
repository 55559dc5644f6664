package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeChangeDemoTest {

    @Test
    void run_codeChangeWorkflow_retriesLintAndTimedOutTestsThenSucceeds(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RunOutcome out = CodeChangeDemo.run(dir, new ConsoleReporter(new PrintStream(buf, true,
                StandardCharsets.UTF_8)));
        String console = buf.toString(StandardCharsets.UTF_8);

        assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(out.tasks().values()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TaskState.SUCCEEDED));
        assertThat(out.task("lint").attempts()).isEqualTo(2);
        assertThat(out.task("unit-tests").attempts()).isEqualTo(2);
        assertThat(out.task("unit-tests").output()).asString().contains("passed=3");
        assertThat(out.task("review").output()).asString().contains("CHANGES_REQUESTED").contains("secrets=2");
        assertThat(out.criticalPath()).startsWith("checkout").endsWith("report").contains("unit-tests");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("Decision: **CHANGES_REQUESTED**");
        assertThat(console).contains("timed out after PT2S").contains("6/6").contains("critical path (actual)");
    }
}
