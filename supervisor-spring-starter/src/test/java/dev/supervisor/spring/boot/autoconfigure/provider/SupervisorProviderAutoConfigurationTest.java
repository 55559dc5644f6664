package dev.supervisor.spring.boot.autoconfigure.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.provider.CircuitState;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.api.provider.RoutingListener;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.provider.MockProvider;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouterConfig;
import dev.supervisor.core.provider.RoutingStrategy;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorProviderAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                    SupervisorProviderAutoConfiguration.class));

    /** Two mocks from properties: the first always crashes, the second answers; BUG_FIX tasks go through them. */
    private ApplicationContextRunner twoMocks() {
        return runner.withPropertyValues("supervisor.providers.task-types=BUG_FIX",
                "supervisor.providers.instances.flaky.kind=mock", "supervisor.providers.instances.flaky.priority=1",
                "supervisor.providers.instances.flaky.mock.failure-rate=1",
                "supervisor.providers.instances.flaky.mock.latency-max=0s",
                "supervisor.providers.instances.steady.kind=mock", "supervisor.providers.instances.steady.priority=2",
                "supervisor.providers.instances.steady.mock.latency-max=0s",
                "supervisor.providers.instances.steady.limits.max-concurrent=4",
                "supervisor.providers.instances.steady.cost.per-call=0.01");
    }

    @Test
    void instances_fromProperties_routeTheConfiguredTaskTypesWithFailover() {
        List<RoutingEvent> events = new CopyOnWriteArrayList<>();
        twoMocks().withBean(RoutingListener.class, () -> events::add).run(ctx -> {
            ProviderRouter router = ctx.getBean(ProviderRouter.class);
            assertThat(router.status("steady").concurrencyLimit()).isEqualTo(4);
            RunOutcome out = ctx.getBean(Supervisor.class).submit(WorkflowSpec.builder("fix")
                    .task(TaskSpec.builder("fix", TaskType.BUG_FIX).config(Map.of("prompt", "fix it"))).build())
                    .outcome().get(30, TimeUnit.SECONDS);
            assertThat(out.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(events).filteredOn(e -> e instanceof RoutingEvent.AttemptFailed)
                    .extracting(e -> ((RoutingEvent.AttemptFailed) e).providerId()).containsExactly("flaky");
            assertThat(events).filteredOn(e -> e instanceof RoutingEvent.AttemptSucceeded)
                    .extracting(e -> ((RoutingEvent.AttemptSucceeded) e).providerId()).containsExactly("steady");
            assertThat(router.costs().provider("steady").calls()).isEqualTo(1);
        });
    }

    @Test
    void routerProperties_reachTheRouter() {
        twoMocks().withPropertyValues("supervisor.providers.strategy=round-robin",
                "supervisor.providers.circuit-breaker.consecutive-failures=2",
                "supervisor.providers.circuit-breaker.open-duration=10m").run(ctx -> {
                    ProviderRouter router = ctx.getBean(ProviderRouter.class);
                    assertThat(router.status("flaky").circuit()).isEqualTo(CircuitState.CLOSED);
                    assertThat(ctx).hasNotFailed();
                });
    }

    @Test
    void properties_defaults_areTheLibraryDefaults() {
        ProviderProperties p = new ProviderProperties();
        RouterConfig d = RouterConfig.builder().provider(MockProvider.builder("m").build()).build();
        assertThat(p.getStrategy()).isEqualTo(d.strategy()).isEqualTo(RoutingStrategy.PRIORITY);
        assertThat(p.getMaxProviders()).isEqualTo(d.maxProviders());
        assertThat(p.getMaxWait()).isEqualTo(d.maxWait());
        assertThat(p.getDefaultCooldown()).isEqualTo(d.defaultCooldown());
        assertThat(p.getExhaustion()).isEqualTo(d.exhaustion());
        assertThat(p.getDeferBelow()).isEqualTo(d.deferBelow());
        assertThat(p.getZone().normalized()).isEqualTo(d.zone().normalized());
        ProviderProperties.Breaker b = p.getCircuitBreaker();
        var c = d.circuitBreaker();
        assertThat(List.of(b.getConsecutiveFailures(), b.getWindowSize(), b.getMinimumCalls(), b.getHalfOpenCalls()))
                .containsExactly(c.consecutiveFailures(), c.windowSize(), c.minimumCalls(), c.halfOpenCalls());
        assertThat(b.getFailureRate()).isEqualTo(c.failureRate());
        assertThat(b.getOpenDuration()).isEqualTo(c.openDuration());
    }

    @Test
    void providerBeans_areRouted_withoutProperties() {
        runner.withBean(Provider.class, () -> MockProvider.builder("bean").latency(Duration.ZERO, Duration.ZERO)
                .build()).run(ctx -> assertThat(ctx.getBean(ProviderRouter.class).status("bean")).isNotNull());
    }

    @Test
    void noProviders_noRouter() {
        runner.run(ctx -> assertThat(ctx).doesNotHaveBean(ProviderRouter.class).hasSingleBean(Supervisor.class));
    }

    @Test
    void disabled_noRouter() {
        twoMocks().withPropertyValues("supervisor.providers.enabled=false", "supervisor.providers.task-types=")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ProviderRouter.class));
    }

    @Test
    void taskTypes_withoutProviders_failNamingTheProperty() {
        runner.withPropertyValues("supervisor.providers.task-types=bug_fix").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("supervisor.providers.task-types")
                        .hasMessageContaining("no provider"));
    }

    @Test
    void badInstance_failsNamingTheProperty() {
        runner.withPropertyValues("supervisor.providers.instances.x.kind=mock",
                "supervisor.providers.instances.x.mock.failure-rate=2").run(ctx ->
                        assertThat(ctx.getStartupFailure()).rootCause()
                                .hasMessageContaining("supervisor.providers.instances.x.mock.failure-rate")
                                .hasMessageContaining("[0, 1]"));
        runner.withPropertyValues("supervisor.providers.instances.y.kind=openai").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("supervisor.providers.instances.y.base-uri"));
        runner.withPropertyValues("supervisor.providers.instances.z.priority=1").run(ctx ->
                assertThat(ctx.getStartupFailure()).rootCause()
                        .hasMessageContaining("supervisor.providers.instances.z.kind"));
    }

    @Test
    void agentAndApiKinds_areBuiltFromProperties() {
        runner.withPropertyValues("supervisor.providers.instances.claude.kind=claude-code",
                "supervisor.providers.instances.claude.executable=/opt/claude/bin/claude",
                "supervisor.providers.instances.claude.secrets.ANTHROPIC_API_KEY=k",
                "supervisor.providers.instances.claude.timeout=20m",
                "supervisor.providers.instances.echo.kind=command",
                "supervisor.providers.instances.echo.executable=cat",
                "supervisor.providers.instances.api.kind=anthropic",
                "supervisor.providers.instances.api.base-uri=http://127.0.0.1:1/",
                "supervisor.providers.instances.api.api-key=test", "supervisor.providers.instances.api.model=m",
                "supervisor.providers.budget.per-day=10.00").run(ctx -> {
                    ProviderRouter router = ctx.getBean(ProviderRouter.class);
                    assertThat(List.of("claude", "echo", "api")).allSatisfy(id ->
                            assertThat(router.status(id).circuit()).isEqualTo(CircuitState.CLOSED));
                });
    }

    @Test
    void userRouter_wins_andTheTaskTypesUseIt() {
        ProviderRouter mine = ProviderRouter.create(RouterConfig.builder()
                .provider(MockProvider.builder("mine").latency(Duration.ZERO, Duration.ZERO).build()).build());
        runner.withBean(ProviderRouter.class, () -> mine).withPropertyValues("supervisor.providers.task-types=review")
                .run(ctx -> {
                    assertThat(ctx.getBean(ProviderRouter.class)).isSameAs(mine);
                    assertThat(ctx.getBean(SupervisorConfig.class).handlers()).containsKey(TaskType.of("review"));
                });
    }
}
