package dev.supervisor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.provider.AgentProfiles;
import dev.supervisor.core.provider.ProcessProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.ProviderTaskHandler;
import dev.supervisor.core.provider.RouterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Plugging in Claude Code". The configuration it shows is built and checked here without running
 * {@code claude} (which need not be installed); then the same configuration runs a task against
 * {@link FakeClaudeCli}, a real process standing in for {@code claude} that answers in its JSON.
 */
class ClaudeCodeGuideTest {
    @TempDir
    Path worktree;

    @Test
    void readmeConfiguration_runsClaudeInPrintModeWithEditsAllowed_andRoutesFeatureTasksToIt() {
        // tag::claude-code[]
        ProcessProvider claude = ProcessProvider.builder("claude-code", AgentProfiles.claudeCode())
                .executable("claude", "--permission-mode", "acceptEdits") // the profile adds -p --output-format json
                .secret("ANTHROPIC_API_KEY", () -> System.getenv("ANTHROPIC_API_KEY"))
                .timeout(Duration.ofMinutes(20))
                .limits(ProviderLimits.builder().maxConcurrent(2).build())
                .build();
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().provider(claude).build());
        SupervisorConfig config = SupervisorConfig.builder()
                .handler(TaskType.FEATURE, ProviderTaskHandler.of(router))
                .build();
        TaskSpec.Builder implement = TaskSpec.builder("implement", TaskType.FEATURE).config(Map.of(
                "prompt", "Implement the TODO in src/demo/Money.java",
                "workingDirectory", worktree.toString())); // e.g. a git worktree made for this task
        // end::claude-code[]

        assertThat(claude).hasToString("ProcessProvider{claude-code, profile=claude-code, executable=[claude,"
                + " --permission-mode, acceptEdits], secrets=[ANTHROPIC_API_KEY]}");
        ProviderRequest request = ProviderRequest.builder("implement", TaskType.FEATURE, "prompt").build();
        assertThat(AgentProfiles.claudeCode().arguments(request, null)).containsExactly("-p", "--output-format",
                "json");
        assertThat(AgentProfiles.claudeCode().promptOnStdin()).isTrue();
        assertThat(claude.limits().maxConcurrent()).isEqualTo(2);
        assertThat(router.providers()).containsExactly(claude);
        assertThat(config.handlers()).containsOnlyKeys(TaskType.FEATURE);
        assertThat(implement.build().config()).containsEntry("workingDirectory", worktree.toString());
    }

    @Test
    void sameConfiguration_withTheStandInForClaude_editsTheWorktreeAndReportsTheCliCost() throws Exception {
        Path money = Files.createDirectories(worktree.resolve("src/demo")).resolve("Money.java");
        Files.writeString(money, "package demo;\npublic final class Money {\n    // TODO: currency conversion\n}\n");
        ProcessProvider claude = ProcessProvider.builder("claude-code", AgentProfiles.claudeCode())
                .executable(FakeClaudeCli.command("--permission-mode", "acceptEdits"))
                .timeout(Duration.ofMinutes(20))
                .build();
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().provider(claude).build());
        RunOutcome outcome;
        try (Supervisor supervisor = Supervisor.create(SupervisorConfig.builder()
                .handler(TaskType.FEATURE, ProviderTaskHandler.of(router)).build())) {
            outcome = supervisor.submit(WorkflowSpec.builder("change").task(TaskSpec.builder("implement",
                    TaskType.FEATURE).config(Map.of("prompt", "Implement the TODO in src/demo/Money.java",
                    "workingDirectory", worktree.toString()))).build()).outcome().join();
        }

        assertThat(outcome.status()).as("%s", outcome.task("implement")).isEqualTo(RunStatus.SUCCEEDED);
        @SuppressWarnings("unchecked")
        Map<String, Object> out = (Map<String, Object>) outcome.task("implement").output();
        assertThat(out).containsEntry("provider", "claude-code").containsEntry("model", FakeClaudeCli.DEFAULT_MODEL);
        assertThat((String) out.get("output")).startsWith("Replaced the TODO in src/demo/Money.java");
        // The CLI's total_cost_usd is the cost (the cost model is in USD): the default model here prices nothing.
        assertThat(Money.of((String) out.get("cost"), "USD").isZero()).isFalse();
        assertThat(router.costs().provider("claude-code").cost()).isEqualTo(Money.of((String) out.get("cost"), "USD"));
        assertThat(Files.readString(money)).contains("public static long convert(long cents, long rateMillis)");
    }
}
