package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.auth.rbac.RbacPolicy;
import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class SupervisorApiAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(SupervisorAutoConfiguration.class, SupervisorApiAutoConfiguration.class));

    @Test
    void webApplication_withSupervisor_servesTheApi() {
        web.run(ctx -> {
            assertThat(ctx).hasSingleBean(RunsController.class).hasSingleBean(RunEventsController.class)
                    .hasSingleBean(SchedulesController.class).hasSingleBean(ProvidersController.class)
                    .hasSingleBean(AnalyticsController.class).hasSingleBean(AuditController.class)
                    .hasSingleBean(ApiErrors.class).hasSingleBean(ApiAccess.class).hasSingleBean(RbacPolicy.class);
            assertThat(ctx.getBean(RbacPolicy.class).roles()).contains("admin", "viewer");
        });
    }

    @Test
    void enabledFalse_servesNoApi() {
        web.withPropertyValues("supervisor.api.enabled=false").run(ctx -> assertThat(ctx)
                .doesNotHaveBean(RunsController.class).doesNotHaveBean(ApiAccess.class));
    }

    @Test
    void supervisorSwitchedOff_servesNoApi() {
        web.withPropertyValues("supervisor.enabled=false").run(ctx -> assertThat(ctx)
                .doesNotHaveBean(RunsController.class));
    }

    @Test
    void nonWebApplication_servesNoApi() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                SupervisorApiAutoConfiguration.class)).run(ctx -> assertThat(ctx).doesNotHaveBean(
                        RunsController.class));
    }

    @Test
    void ownAccessAndPolicy_replaceTheDefaults() {
        // tag::own-policy[]
        RbacPolicy policy = RbacPolicy.builder()
                .role("ops").allow("ops", "workflows:read", "workflows:execute")
                .role("auditor").allow("auditor", "workflows:read", "system:admin")
                .build();
        ApiAccess access = ApiAccess.rbac(policy);
        // end::own-policy[]
        web.withBean(RbacPolicy.class, () -> policy).withBean(ApiAccess.class, () -> access).run(ctx -> {
            assertThat(ctx.getBean(RbacPolicy.class)).isSameAs(policy);
            assertThat(ctx.getBean(ApiAccess.class)).isSameAs(access);
        });
    }

    @Test
    void badEventProperties_failTheStart_namingTheProperty() {
        web.withPropertyValues("supervisor.api.events.buffer=0").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("supervisor.api.events.buffer must be positive"));
        web.withPropertyValues("supervisor.api.events.timeout=0s").run(ctx -> assertThat(Optional.ofNullable(
                ctx.getStartupFailure())).isPresent());
    }
}
