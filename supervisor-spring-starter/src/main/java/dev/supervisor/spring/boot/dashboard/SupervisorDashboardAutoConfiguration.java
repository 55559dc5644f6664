package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.plugin.PluginHost;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Features;
import dev.supervisor.spring.boot.web.ApiAccess;
import dev.supervisor.spring.boot.web.ApiErrors;
import dev.supervisor.spring.boot.web.SupervisorApiAutoConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the live dashboard at {@code /supervisor/} ({@code supervisor.dashboard.enabled=false} switches it off)
 * in a Spring MVC application that serves Supervisor's REST API, which the dashboard reads: its page, its scripts
 * and styles from this jar ({@code /supervisor/assets/}), uPlot from its WebJar ({@code /supervisor/vendor/uplot/}),
 * and the few endpoints the API lacks for it, under the API's path and checked like the API.
 */
@AutoConfiguration(after = SupervisorApiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty(name = "supervisor.dashboard.enabled", matchIfMissing = true)
@ConditionalOnBean({Supervisor.class, ApiAccess.class, ApiErrors.class})
@EnableConfigurationProperties(DashboardProperties.class)
public class SupervisorDashboardAutoConfiguration {
    static final String ASSETS = "classpath:/META-INF/supervisor/dashboard/assets/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /** @param properties the dashboard's settings @return the page */
    @Bean
    public DashboardPage supervisorDashboardPage(DashboardProperties properties) {
        return new DashboardPage(properties);
    }

    /** @return the page's scripts, styles and chart library */
    @Bean
    public WebMvcConfigurer supervisorDashboardAssets() {
        String uplot = "classpath:/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                // Revalidated on each load (Last-Modified), so a new starter's pages are never mixed with old ones.
                registry.addResourceHandler("/supervisor/assets/**").addResourceLocations(ASSETS)
                        .setCacheControl(CacheControl.noCache());
                registry.addResourceHandler("/supervisor/vendor/uplot/**").addResourceLocations(uplot)
                        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
            }
        };
    }

    /**
     * @param supervisor the engine
     * @param stores a run store bean, if any
     * @param configs the supervisor's configuration, whose store is used when there is no store bean
     * @param access callers and decisions
     * @param schedulers the cron scheduler bean, if any
     * @param routers the provider router bean, if any
     * @param metrics the metric store bean, if any
     * @param hosts the plugin host bean, if any
     * @return the overview, graph and retry endpoints
     */
    @Bean
    public DashboardRunsController supervisorDashboardRunsController(Supervisor supervisor,
                                                                     ObjectProvider<RunStore> stores,
                                                                     ObjectProvider<SupervisorConfig> configs,
                                                                     ApiAccess access,
                                                                     ObjectProvider<CronScheduler> schedulers,
                                                                     ObjectProvider<ProviderRouter> routers,
                                                                     ObjectProvider<MetricStore> metrics,
                                                                     ObjectProvider<PluginHost> hosts) {
        RunStore bean = stores.getIfUnique();
        SupervisorConfig config = configs.getIfUnique();
        RunStore store = bean != null ? bean : config == null ? null : config.runStore().orElse(null);
        boolean events = store != null && store.capability(RunEventLog.class).isPresent();
        return new DashboardRunsController(supervisor, store, access, () -> new Features(events, store != null,
                schedulers.getIfUnique() != null, routers.getIfUnique() != null, metrics.getIfUnique() != null,
                hosts.getIfUnique() != null));
    }

    /** @param errors the API's problem details @return the same problem details for the dashboard's endpoints */
    @Bean
    public DashboardErrors supervisorDashboardErrors(ApiErrors errors) {
        return new DashboardErrors(errors);
    }

    /** The version directory inside the uPlot WebJar, read from the WebJar's own Maven metadata. */
    static String uplotVersion() {
        try (InputStream in = SupervisorDashboardAutoConfiguration.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar (org.webjars.npm:uplot) is missing from the class "
                        + "path; the dashboard draws its charts with it");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
        }
    }
}
