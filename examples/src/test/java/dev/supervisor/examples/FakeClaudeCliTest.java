package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.provider.AgentProfiles;
import dev.supervisor.core.provider.ProcessProvider;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-in CLI as a real process: started with {@link FakeClaudeCli#command}, read by the Claude Code profile.
 * Nothing here has a timeout that work could race: the guard only stops a test that would otherwise hang.
 */
class FakeClaudeCliTest {
    private static final long GUARD_MINUTES = 2;

    @TempDir
    Path dir;

    @Test
    void command_isThisJvmsJavaRunningTheStandInFromItsOwnClasses() {
        String[] c = FakeClaudeCli.command("--permission-mode", "acceptEdits");
        assertThat(Path.of(c[0]).getParent()).isEqualTo(Path.of(System.getProperty("java.home"), "bin"));
        assertThat(c).endsWith(FakeClaudeCli.class.getName(), "--permission-mode", "acceptEdits");
    }

    @Test
    void run_versionOrAWrongOption_answersLikeACli() throws Exception {
        assertThat(run(List.of("--version"), "")).startsWith("0 0.1.0 (FakeClaudeCli");
        assertThat(run(List.of("-p", "--output-format", "json", "--bogus"), "hi"))
                .isEqualTo("1 error: unknown option '--bogus'");
        assertThat(run(List.of("-p"), "hi")).startsWith("1 error: this stand-in only answers in print mode");
        assertThat(run(List.of("-p", "--output-format", "json"), " ")).isEqualTo("1 error: no prompt on standard input");
    }

    @Test
    void execute_withoutPermissionToEdit_answersButChangesNothing() throws Exception {
        Path money = Files.createDirectories(dir.resolve("src")).resolve("Money.java");
        String before = "class Money {\n    // TODO: currency conversion\n}\n";
        Files.writeString(money, before);
        ProcessProvider readOnly = ProcessProvider.builder("claude", AgentProfiles.claudeCode())
                .executable(FakeClaudeCli.command()).workingDirectory(dir).build();

        ProviderResult r = readOnly.execute(ProviderRequest.builder("t", TaskType.FEATURE, "Implement the TODO")
                .model("claude-opus-4-1").build());

        assertThat(r).isInstanceOf(ProviderResult.Success.class);
        ProviderResult.Success ok = (ProviderResult.Success) r;
        assertThat(ok.output()).startsWith("I need permission to edit src");
        assertThat(ok.model()).as("the model asked for, as the CLI reports it").isEqualTo("claude-opus-4-1");
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(5, (ok.output().length() + 3) / 4));
        assertThat(Files.readString(money)).isEqualTo(before);
    }

    /** @return the exit code, a space, then standard output and error, stripped */
    private static String run(List<String> args, String stdin) throws Exception {
        List<String> command = new ArrayList<>(List.of(FakeClaudeCli.command()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(GUARD_MINUTES, TimeUnit.MINUTES)).as("the stand-in ended").isTrue();
        return p.exitValue() + " " + out;
    }
}
