package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plugin demo loads the Slack plugin's jar from the plugins directory the build fills. */
class PluginDemoTest {

    @Test
    void run_loadsTheSlackPluginFromTheDirectoryAndItPostsTheFailedTaskAndTheRun() throws Exception {
        ByteArrayOutputStream slack = new ByteArrayOutputStream();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        HttpServer standIn = PluginDemo.standIn(new PrintStream(slack, true, StandardCharsets.UTF_8));
        try {
            RunOutcome out = PluginDemo.run(Path.of("target/plugins"), "http://127.0.0.1:"
                    + standIn.getAddress().getPort() + "/services/T000/B000/test",
                    new PrintStream(console, true, StandardCharsets.UTF_8));

            assertThat(out.status()).isEqualTo(RunStatus.FAILED);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("plugin slack 1.0.0: STARTED")
                    .contains("slack plugin health: PluginHealth[status=UP");
            assertThat(slack.toString(StandardCharsets.UTF_8).lines()).satisfiesExactly(
                    line -> assertThat(line).isEqualTo("slack <- Task *lint* of code-change (run " + out.runId()
                            + ") FAILED after attempt 1: IllegalStateException: 3 lint errors in Payment.java"),
                    line -> assertThat(line).matches("slack <- Run " + out.runId() + " of \\*code-change\\*"
                            + " finished FAILED in [0-9.]+ m?s: 2 succeeded, 1 failed"));
        } finally {
            standIn.stop(0);
        }
    }
}
