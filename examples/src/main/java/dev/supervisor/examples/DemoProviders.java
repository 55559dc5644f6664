package dev.supervisor.examples;

import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.core.provider.AgentProfiles;
import dev.supervisor.core.provider.CircuitBreakerConfig;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProcessProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouterConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The agents of the demo, behind one {@link ProviderRouter} choosing by priority:
 * <ol>
 *   <li>{@value #AGENT_A}, a mock agent that can edit files, first choice for every task — and down: each call
 *       fails as {@code UNAVAILABLE}, so the router fails over, and after two failures in a row its circuit
 *       opens;</li>
 *   <li>{@value #AGENT_B}, a mock agent that only comments: the reviewer once {@value #AGENT_A} fails;</li>
 *   <li>{@value #FAKE_CLAUDE}, a {@link ProcessProvider} running {@link FakeClaudeCli} — a real process speaking
 *       Claude Code's JSON, started with this JVM's {@code java} — through the Claude Code profile, in the
 *       workspace, allowed to edit files: the implementer once {@value #AGENT_A} fails.</li>
 * </ol>
 * The mocks are seeded, so every run draws the same latencies and token counts.
 */
final class DemoProviders {
    static final String AGENT_A = "agent-a";
    static final String AGENT_B = "agent-b";
    static final String FAKE_CLAUDE = "fake-claude";
    /** Capability required by tasks that change code. */
    static final String EDIT_FILES = "edit-files";
    /** Failures in a row that open a provider's circuit. */
    static final int FAILURES_TO_OPEN = 2;
    private static final CostModel PRICES = CostModel.builder("USD").perThousandInput("0.003")
            .perThousandOutput("0.015").build();

    private DemoProviders() {
    }

    /**
     * @param workspace where the process provider runs (the checked-out repository)
     * @param clock the router's clock
     * @param pause how the mocks spend their latency; null to report it without waiting (tests on a manual clock)
     * @return the router
     */
    static ProviderRouter router(Path workspace, Clock clock, MockProvider.Pause pause) {
        MockProvider.Builder down = MockProvider.builder(AGENT_A).capabilities(EDIT_FILES).costModel(PRICES)
                .pattern(FailureKind.UNAVAILABLE).latency(Duration.ofMillis(50), Duration.ofMillis(150)).seed(1);
        MockProvider.Builder reviewer = MockProvider.builder(AGENT_B).model("mock-reviewer").costModel(PRICES)
                .latency(Duration.ofMillis(400), Duration.ofMillis(800)).seed(2);
        if (pause != null) {
            down.pause(pause);
            reviewer.pause(pause);
        }
        ProcessProvider claude = ProcessProvider.builder(FAKE_CLAUDE, AgentProfiles.claudeCode())
                .executable(FakeClaudeCli.command("--permission-mode", "acceptEdits"))
                .workingDirectory(workspace)
                .capabilities(EDIT_FILES)
                .costModel(PRICES)
                .build();
        return ProviderRouter.create(RouterConfig.builder()
                .provider(down.build(), 1, 1)
                .provider(reviewer.build(), 2, 1)
                .provider(claude, 3, 1)
                .circuitBreaker(CircuitBreakerConfig.builder().consecutiveFailures(FAILURES_TO_OPEN).build())
                .clock(clock)
                .build());
    }

    /** @return one line per provider, for the demo's header */
    static List<String> describe() {
        return List.of(
                AGENT_A + "      mock agent, edits files, priority 1 (down: every call fails UNAVAILABLE)",
                AGENT_B + "      mock agent, reviews only, priority 2",
                FAKE_CLAUDE + "  process: java " + FakeClaudeCli.class.getSimpleName()
                        + " -p --output-format json (Claude Code's protocol), edits files, priority 3");
    }
}
