package dev.supervisor.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderAttempt;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import dev.supervisor.api.provider.TokenUsage;
import dev.supervisor.core.plugin.guide.EchoProviderPlugin;
import dev.supervisor.core.provider.ProviderRouter;
import dev.supervisor.core.provider.RouterConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers contributed by plugins: the host lists them for routers, and withdraws them when the plugin stops. */
class PluginProvidersTest {
    private static final ProviderRequest FIX = ProviderRequest.builder("fix-42", TaskType.BUG_FIX, "fix #42").build();
    @TempDir
    Path dir;
    private final PluginHost plugins = PluginHost.create(PluginHostConfig.builder().build());

    @AfterEach
    void close() {
        plugins.close();
    }

    @Test
    void providers_ofStartedPlugins_serveARouter() throws Exception {
        Path pluginsDir = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.of(pluginsDir.resolve("echo-ai.jar"), EchoProviderPlugin.class);

        // tag::router[]
        plugins.loadDirectory(pluginsDir);
        plugins.startAll();                           // plugins register their providers in start()
        RouterConfig.Builder routing = RouterConfig.builder();
        plugins.providers().forEach(routing::provider);
        ProviderRouter router = ProviderRouter.create(routing.build());
        // end::router[]
        RouteOutcome outcome = router.route(FIX);

        assertThat(router.providers()).extracting(Provider::id).containsExactly("echo");
        assertThat(outcome.success()).hasValueSatisfying(s -> assertThat(s.output()).isEqualTo("echo: fix #42"));
    }

    @Test
    void provider_runsOnTheCallersThreadWithThePluginsClassLoader() {
        plugins.load(providerPlugin("ai", "ai-1", "CostModel.free(\"USD\")"));
        plugins.start("ai");
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        ProviderResult r = plugins.provider("ai-1").orElseThrow().execute(FIX);

        assertThat(r).isInstanceOfSatisfying(ProviderResult.Success.class, s -> assertThat(s.output())
                .isEqualTo("fix #42 on " + Thread.currentThread().getName() + " with the plugin's class loader"));
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void stop_withdrawsTheProvider_aRouterFailsOverUntilThePluginStartsAgain() throws Exception {
        plugins.load(providerPlugin("ai", "ai-1", "CostModel.free(\"USD\")"));
        plugins.start("ai");
        Provider fromPlugin = plugins.provider("ai-1").orElseThrow();
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().provider(fromPlugin, 1, 1)
                .provider(new Local(), 2, 1).build());

        plugins.stop("ai");
        RouteOutcome whileStopped = router.route(FIX);

        assertThat(plugins.providers()).isEmpty();
        assertThat(plugins.provider("ai-1")).isEmpty();
        assertThat(fromPlugin.probe().healthy()).isFalse();
        assertThat(whileStopped.attempts()).extracting(ProviderAttempt::providerId).containsExactly("ai-1", "local");
        assertThat(whileStopped.attempts().get(0).result()).isInstanceOfSatisfying(ProviderResult.Failure.class,
                f -> assertThat(f).extracting(ProviderResult.Failure::kind, ProviderResult.Failure::message)
                        .containsExactly(FailureKind.UNAVAILABLE, "no started plugin provides provider 'ai-1'"));

        plugins.start("ai");

        assertThat(fromPlugin.probe().healthy()).isTrue();
        assertThat(fromPlugin.execute(FIX).succeeded()).isTrue();
        assertThat(plugins.providers()).extracting(Provider::id).containsExactly("ai-1");
    }

    @Test
    void start_ofAPluginRegisteringAProviderIdTakenByAnother_fails() {
        plugins.load(providerPlugin("first", "shared", "CostModel.free(\"USD\")"));
        plugins.load(providerPlugin("second", "shared", "CostModel.free(\"USD\")"));
        plugins.start("first");

        assertThatThrownBy(() -> plugins.start("second")).isInstanceOf(PluginException.class)
                .hasStackTraceContaining("provider 'shared' is already registered by plugin 'first'");
        assertThat(plugins.plugin("second").orElseThrow().state()).isEqualTo(PluginState.FAILED);
        assertThat(plugins.providers()).singleElement().extracting(Provider::id).isEqualTo("shared");
    }

    @Test
    void start_ofAPluginRegisteringAProviderWithoutCostModel_failsNamingIt() {
        plugins.load(providerPlugin("ai", "ai-1", "null"));

        assertThatThrownBy(() -> plugins.start("ai")).isInstanceOf(PluginException.class)
                .hasStackTraceContaining("provider 'ai-1' of plugin 'ai' declares no cost model");
        assertThat(plugins.providers()).isEmpty();
    }

    /** A plugin jar compiled here whose provider answers with the prompt, the thread and the class loader. */
    private Path providerPlugin(String pluginId, String providerId, String costModel) {
        String cls = "P" + pluginId.replace("-", "");
        Path classes = PluginJars.compile(dir.resolve(pluginId), Map.of("gen." + cls, """
                package gen;
                import dev.supervisor.api.plugin.*;
                import dev.supervisor.api.provider.*;
                import java.time.Duration;
                @SupervisorPlugin(id = "%s", version = "1.0.0")
                public final class %s implements Plugin {
                    public void start(PluginContext ctx) {
                        ctx.register(ExtensionPoint.PROVIDER, new Provider() {
                            public String id() {
                                return "%s";
                            }
                            public CostModel costModel() {
                                return %s;
                            }
                            public ProviderResult execute(ProviderRequest r) {
                                Thread t = Thread.currentThread();
                                String loader = t.getContextClassLoader() == getClass().getClassLoader()
                                        ? "the plugin's class loader" : t.getContextClassLoader().toString();
                                return new ProviderResult.Success(r.prompt() + " on " + t.getName() + " with "
                                        + loader, TokenUsage.NONE, Money.of("0", "USD"), "m", Duration.ZERO);
                            }
                        });
                    }
                }
                """.formatted(pluginId, cls, providerId, costModel)));
        return PluginJars.jar(dir.resolve(pluginId + ".jar"), "gen." + cls, classes);
    }

    /** A provider of the host itself, for the router to fail over to. */
    private static final class Local implements Provider {
        @Override
        public String id() {
            return "local";
        }

        @Override
        public CostModel costModel() {
            return CostModel.free("USD");
        }

        @Override
        public ProviderResult execute(ProviderRequest request) {
            return new ProviderResult.Success("local: " + request.prompt(), TokenUsage.NONE,
                    Money.zero(java.util.Currency.getInstance("USD")), "local", Duration.ZERO);
        }
    }
}
