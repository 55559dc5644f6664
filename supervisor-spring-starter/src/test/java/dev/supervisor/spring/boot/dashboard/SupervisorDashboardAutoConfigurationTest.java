package dev.supervisor.spring.boot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.spring.boot.autoconfigure.SupervisorAutoConfiguration;
import dev.supervisor.spring.boot.web.SupervisorApiAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class SupervisorDashboardAutoConfigurationTest {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(SupervisorAutoConfiguration.class, SupervisorApiAutoConfiguration.class,
                    SupervisorDashboardAutoConfiguration.class));

    @Test
    void webApplication_withTheApi_servesTheDashboard() {
        web.run(ctx -> assertThat(ctx).hasSingleBean(DashboardPage.class)
                .hasSingleBean(DashboardRunsController.class)
                .hasSingleBean(DashboardErrors.class));
    }

    @Test
    void enabledFalse_servesNoDashboard_butTheApiStays() {
        web.withPropertyValues("supervisor.dashboard.enabled=false").run(ctx -> assertThat(ctx)
                .doesNotHaveBean(DashboardPage.class).doesNotHaveBean(DashboardRunsController.class)
                .hasBean("supervisorRunsController"));
    }

    @Test
    void withoutTheApi_servesNoDashboard() {
        web.withPropertyValues("supervisor.api.enabled=false").run(ctx -> assertThat(ctx)
                .doesNotHaveBean(DashboardPage.class).doesNotHaveBean(DashboardRunsController.class));
    }

    @Test
    void nonWebApplication_servesNoDashboard() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SupervisorAutoConfiguration.class,
                SupervisorApiAutoConfiguration.class, SupervisorDashboardAutoConfiguration.class))
                .run(ctx -> assertThat(ctx).doesNotHaveBean(DashboardPage.class));
    }

    @Test
    void refreshBelowASecond_failsTheStart_namingTheProperty() {
        web.withPropertyValues("supervisor.dashboard.refresh=200ms").run(ctx -> assertThat(ctx).hasFailed()
                .getFailure().rootCause().hasMessageContaining("supervisor.dashboard.refresh must be at least 1s"));
    }

    @Test
    void uplotVersion_isReadFromTheWebJar() {
        assertThat(SupervisorDashboardAutoConfiguration.uplotVersion()).matches("\\d+\\.\\d+\\.\\d+");
    }
}
