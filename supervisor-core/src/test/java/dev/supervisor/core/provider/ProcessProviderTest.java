package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.QuotaWindow;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.provider.internal.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: scripts in the test resources that behave like each CLI. Timeouts are only ever raced by
 * scripts that block forever, so a busy machine cannot change an outcome.
 */
class ProcessProviderTest {
    @TempDir
    Path tmp;

    private static String script(String name) throws Exception {
        return Path.of(ProcessProviderTest.class.getResource("/provider/" + name).toURI()).toString();
    }

    private static ProviderRequest request(String prompt) {
        return ProviderRequest.builder("t1", TaskType.BUG_FIX, prompt).build();
    }

    private ProcessProvider claude(Duration timeout) throws Exception {
        // tag::claude-code[]
        ProcessProvider claude = ProcessProvider.builder("claude-code", AgentProfiles.claudeCode())
                .executable("bash", script("fake-claude.sh")) // in production: leave out, "claude" on the PATH
                .secret("FAKE_TOKEN", () -> "s3cr3t-value")    // e.g. ANTHROPIC_API_KEY from a vault
                .timeout(timeout)
                .costModel(CostModel.builder("USD").perThousandInput("0.003").perThousandOutput("0.015").build())
                .build();
        // end::claude-code[]
        return claude;
    }

    private static ProviderResult.Failure failure(ProviderResult r) {
        assertThat(r).isInstanceOf(ProviderResult.Failure.class);
        return (ProviderResult.Failure) r;
    }

    @Test
    void claude_successJson_readsAnswerTokensCostAndModel() throws Exception {
        ProviderResult r = claude(Duration.ofMinutes(5)).execute(ProviderRequest.builder("t1", TaskType.BUG_FIX,
                "success").workingDirectory(tmp).build());
        assertThat(r).isInstanceOf(ProviderResult.Success.class);
        ProviderResult.Success ok = (ProviderResult.Success) r;
        assertThat(ok.output()).isEqualTo("Fixed the null check in " + tmp.toRealPath());
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(2000, 450));
        assertThat(ok.cost()).isEqualTo(Money.of("0.0421", "USD"));
        assertThat(ok.model()).isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void claude_errorJsonWithRateLimit_isRateLimitedNotSuccess() throws Exception {
        ProviderResult.Failure f = failure(claude(Duration.ofMinutes(5)).execute(request("ratelimit")));
        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.message()).contains("per-minute rate limit");
        assertThat(failure(claude(Duration.ofMinutes(5)).execute(request("toolong"))).kind())
                .isEqualTo(FailureKind.CONTEXT_OVERFLOW);
        ProviderResult.Failure turns = failure(claude(Duration.ofMinutes(5)).execute(request("maxturns")));
        assertThat(turns.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(turns.message()).contains("error_max_turns");
        assertThat(turns.usage()).isEqualTo(TokenUsage.of(900, 40));
    }

    @Test
    void claude_nonZeroExitOrGarbage_isACrashWithTheReason() throws Exception {
        ProviderResult.Failure crash = failure(claude(Duration.ofMinutes(5)).execute(request("crash")));
        assertThat(crash.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(crash.message()).startsWith("claude exited 3: TypeError");
        ProviderResult.Failure garbage = failure(claude(Duration.ofMinutes(5)).execute(request("garbage")));
        assertThat(garbage.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(garbage.message()).contains("no result object");
        ProviderResult.Failure empty = failure(claude(Duration.ofMinutes(5)).execute(request("noresult")));
        assertThat(empty.message()).isEqualTo("claude reported success without a result");
    }

    @Test
    void missingBinary_isUnavailableAndProbeSaysDown() {
        ProcessProvider p = ProcessProvider.builder("claude", AgentProfiles.claudeCode())
                .executable("/nonexistent/claude").build();
        ProviderResult.Failure f = failure(p.execute(request("success")));
        assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(f.message()).startsWith("cannot start '/nonexistent/claude'");
        assertThat(p.probe().healthy()).isFalse();
    }

    @Test
    void hang_killedByTheTimeoutWithItsWholeTree() throws Exception {
        ProviderResult.Failure f = failure(claude(Duration.ofMillis(300)).execute(request("hang")));
        assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(f.message()).isEqualTo("timed out after PT0.3S; process tree killed");
    }

    @Test
    void hugeOutput_cutAtTheCapAndFailed() throws Exception {
        ProcessProvider p = ProcessProvider.builder("claude", AgentProfiles.claudeCode())
                .executable("bash", script("fake-claude.sh")).maxOutputBytes(64 * 1024).build();
        ProviderResult.Failure f = failure(p.execute(request("huge")));
        assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(f.message()).isEqualTo("output exceeded 65536 bytes; process tree killed");
    }

    @Test
    void orphanChild_outlivingItsParent_isKilledAfterTheCall() throws Exception {
        Path pidFile = tmp.resolve("child.pid");
        ProviderResult r = claude(Duration.ofMinutes(5)).execute(request("orphan " + pidFile));
        assertThat(r.succeeded()).isTrue();
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle child = ProcessHandle.of(pid).orElse(null);
        if (child != null) {
            // the kill was sent before execute returned; wait for the kernel to reap it, generously
            child.onExit().get(30, TimeUnit.SECONDS);
            assertThat(child.isAlive()).isFalse();
        }
    }

    @Test
    void environment_onlyAllowedVariablesAndSecretsByName_secretNeverInAMessage() throws Exception {
        ProviderResult.Success ok = (ProviderResult.Success) claude(Duration.ofMinutes(5)).execute(request("env"));
        String[] parts = ok.output().split("\\| ");
        Set<String> names = new HashSet<>(Arrays.asList(parts[0].trim().split(" ")));
        names.removeAll(Set.of("PWD", "SHLVL", "_", "OLDPWD"));
        assertThat(names).isSubsetOf("PATH", "HOME", "LANG", "TMPDIR", "FAKE_TOKEN").contains("FAKE_TOKEN");
        assertThat(parts[1]).isEqualTo("token=s3cr3t-value");

        ProviderResult.Failure leak = failure(claude(Duration.ofMinutes(5)).execute(request("leak")));
        assertThat(leak.message()).contains("auth failed for key ***").doesNotContain("s3cr3t-value");
        assertThat(claude(Duration.ofMinutes(5)).toString()).contains("FAKE_TOKEN").doesNotContain("s3cr3t");
    }

    @Test
    void codex_jsonLines_readsTheLastAgentMessageAndTurnUsage() throws Exception {
        ProcessProvider codex = ProcessProvider.builder("codex", AgentProfiles.codex())
                .executable("bash", script("fake-codex.sh")).model("gpt-5-codex")
                .costModel(CostModel.builder("USD").perThousandInput("0.00125").perThousandOutput("0.01").build())
                .build();
        ProviderResult.Success ok = (ProviderResult.Success) codex.execute(request("success"));
        assertThat(ok.output()).isEqualTo("Refactored the parser into three functions.");
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(2400, 310));
        assertThat(ok.cost()).isEqualTo(Money.of("0.0061", "USD"));
        assertThat(ok.model()).isEqualTo("gpt-5-codex");
        assertThat(failure(codex.execute(request("ratelimit"))).kind()).isEqualTo(FailureKind.RATE_LIMITED);
        ProviderResult.Failure cut = failure(codex.execute(request("cut")));
        assertThat(cut.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(cut.message()).isEqualTo("codex finished without turn.completed");
    }

    @Test
    void gemini_jsonResponseStatsAndErrors() throws Exception {
        ProcessProvider gemini = ProcessProvider.builder("gemini", AgentProfiles.geminiCli())
                .executable("bash", script("fake-gemini.sh")).build();
        ProviderResult.Success ok = (ProviderResult.Success) gemini.execute(request("success"));
        assertThat(ok.output()).isEqualTo("Added the missing test for the date parser.");
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(1800, 300));
        assertThat(ok.model()).isEqualTo("gemini-2.5-pro");
        assertThat(failure(gemini.execute(request("quota"))).kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(failure(gemini.execute(request("badinput"))).kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(failure(gemini.execute(request("turns"))).message()).contains("turn limit");
    }

    @Test
    void anyCommand_stdoutIsTheAnswerAndNonZeroExitFails() {
        ProcessProvider cat = ProcessProvider.builder("cat", AgentProfiles.command("cat")).build();
        ProviderResult.Success ok = (ProviderResult.Success) cat.execute(request("echo me"));
        assertThat(ok.output()).isEqualTo("echo me");
        ProcessProvider failing = ProcessProvider.builder("false", AgentProfiles.command("bash", "-c",
                "echo 'Connection refused' >&2; exit 2")).build();
        ProviderResult.Failure f = failure(failing.execute(request("x")));
        assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(f.message()).isEqualTo("command exited 2: Connection refused");
    }

    @Test
    void claudeCode_pluggedIntoARouter_asInTheGuide() throws Exception {
        String[] claudeExecutable = {"bash", script("fake-claude.sh")};
        String[] codexExecutable = {"bash", script("fake-codex.sh")};
        Path worktree = tmp;
        // tag::plug-in-claude-code[]
        ProcessProvider claude = ProcessProvider.builder("claude-code", AgentProfiles.claudeCode())
                .executable(claudeExecutable) // leave out to run "claude" from the PATH
                .secret("ANTHROPIC_API_KEY", () -> System.getenv("ANTHROPIC_API_KEY"))
                .timeout(Duration.ofMinutes(20))
                .limits(ProviderLimits.builder().maxConcurrent(2).requestsPer(QuotaWindow.HOUR, 50).build())
                .costModel(CostModel.builder("USD").perThousandInput("0.003").perThousandOutput("0.015").build())
                .build();
        ProcessProvider codex = ProcessProvider.builder("codex", AgentProfiles.codex())
                .executable(codexExecutable) // leave out to run "codex" from the PATH
                .secret("OPENAI_API_KEY", () -> System.getenv("OPENAI_API_KEY"))
                .build();
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder()
                .provider(claude, 1, 1)
                .provider(codex, 2, 1)
                .build());
        RouteOutcome outcome = router.route(ProviderRequest.builder("fix-42", TaskType.BUG_FIX, "success: fix #42")
                .workingDirectory(worktree) // e.g. a git worktree made for this task
                .build());
        // end::plug-in-claude-code[]
        assertThat(outcome.status()).isEqualTo(RouteOutcome.Status.SUCCEEDED);
        assertThat(outcome.success().orElseThrow().model()).isEqualTo("claude-sonnet-4-5");
        assertThat(router.costs().provider("claude-code").cost()).isEqualTo(Money.of("0.0421", "USD"));
    }

    @Test
    void processGroups_usedWhereSupported() {
        assertThat(ProcessTree.groupMembers(ProcessHandle.current().pid())).isNotNull();
    }
}
