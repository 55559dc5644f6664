package dev.supervisor.spring.boot.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RetryPolicy;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.autoconfigure.SupervisorConfigCustomizer;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SupervisorObservationAutoConfigurationTest {
    private static final TaskType CALL = TaskType.of("call");

    /** Fails its first attempt, and makes an observation of its own in each (as an HTTP client would). */
    static final class FlakyCaller implements TaskHandler {
        final ObservationRegistry registry;
        final AtomicInteger attempts = new AtomicInteger();

        FlakyCaller(ObservationRegistry registry) {
            this.registry = registry;
        }

        @Override
        public Object execute(TaskContext context) {
            return Observation.createNotStarted("http.client", registry).observe(() -> {
                if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("first call fails");
                }
                return "ok";
            });
        }

        @Override
        public Set<TaskType> types() {
            return Set.of(CALL);
        }
    }

    private final TestObservationRegistry registry = TestObservationRegistry.create();
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("supervisor.cron.warm-up=false")
            .withBean(ObservationRegistry.class, () -> registry)
            .withBean(FlakyCaller.class, () -> new FlakyCaller(registry))
            .withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                    SupervisorObservationAutoConfiguration.class));

    private static String low(Observation.Context c, String key) {
        KeyValue kv = c.getLowCardinalityKeyValue(key);
        return kv == null ? null : kv.getValue();
    }

    private static Observation.Context only(List<Observation.Context> all, String name, String attempt) {
        return all.stream().filter(c -> c.getName().equals(name))
                .filter(c -> attempt == null || attempt.equals(low(c, "attempt"))).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "store {0}")
    @ValueSource(booleans = {false, true})
    void retriedTask_givesARunWithOneChildPerAttempt_andTheHandlersObservationsNestUnderTheirAttempt(
            boolean stored) {
        runner.withBean(SupervisorConfigCustomizer.class, () -> b -> {
            if (stored) {
                b.runStore(RunStores.inMemory());
            }
        }).run(ctx -> {
            var run = ctx.getBean(Supervisor.class).submit(WorkflowSpec.builder("deploy")
                    .task(TaskSpec.builder("ping", CALL).retryPolicy(RetryPolicy.builder().maxAttempts(2).build()))
                    .build());
            assertThat(run.outcome().get(30, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.SUCCEEDED);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasHandledContextsThatSatisfy(all -> assertRunAndAttempts(all, run.runId()))
                    .doesNotHaveAnyRemainingCurrentObservation();
        });
    }

    /** One run observation; one child per attempt, tagged; the handler's own observation under its attempt. */
    private static void assertRunAndAttempts(List<Observation.Context> all, String runId) {
        Observation.Context runCtx = only(all, ObservationAttemptInterceptor.RUN, null);
        Observation.Context first = only(all, ObservationAttemptInterceptor.ATTEMPT, "1");
        Observation.Context second = only(all, ObservationAttemptInterceptor.ATTEMPT, "2");
        assertThat(all).filteredOn(c -> c.getName().equals(ObservationAttemptInterceptor.ATTEMPT)).hasSize(2);

        assertThat(low(runCtx, "workflow")).isEqualTo("deploy");
        assertThat(low(runCtx, "status")).isEqualTo("SUCCEEDED");
        assertThat(runCtx.getHighCardinalityKeyValue("run.id").getValue()).isEqualTo(runId);
        for (Observation.Context attempt : List.of(first, second)) {
            assertThat(attempt.getParentObservation().getContextView()).isSameAs(runCtx);
            assertThat(low(attempt, "task.type")).isEqualTo("call");
            assertThat(attempt.getHighCardinalityKeyValue("task.id").getValue()).isEqualTo("ping");
        }
        assertThat(low(first, "outcome")).isEqualTo("error");
        assertThat(first.getError()).hasMessage("first call fails");
        assertThat(low(second, "outcome")).isEqualTo("success");
        assertThat(second.getError()).isNull();

        List<Observation.Context> calls = all.stream().filter(c -> c.getName().equals("http.client")).toList();
        assertThat(calls).hasSize(2);
        assertThat(calls).extracting(c -> c.getParentObservation().getContextView())
                .containsExactlyInAnyOrder(first, second);
    }

    @Test
    void interceptor_isOutermost_andBacksOff() {
        runner.run(ctx -> assertThat(ctx.getBean(SupervisorConfig.class).interceptors())
                .first().isInstanceOf(ObservationAttemptInterceptor.class));
        runner.withBean("mine", ObservationAttemptInterceptor.class, () -> new ObservationAttemptInterceptor(registry))
                .run(ctx -> assertThat(ctx).hasSingleBean(ObservationAttemptInterceptor.class).hasBean("mine"));
    }

    @Test
    void disabled_orWithoutARegistry_observesNothing() {
        runner.withPropertyValues("supervisor.tracing.enabled=false").run(ctx ->
                assertThat(ctx).doesNotHaveBean(ObservationAttemptInterceptor.class));
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                SupervisorObservationAutoConfiguration.class)).withPropertyValues("supervisor.cron.warm-up=false")
                .run(ctx -> assertThat(ctx).hasSingleBean(Supervisor.class)
                        .doesNotHaveBean(ObservationAttemptInterceptor.class));
    }
}
