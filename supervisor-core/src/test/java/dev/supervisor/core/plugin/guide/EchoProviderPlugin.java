package dev.supervisor.core.plugin.guide;

// tag::plugin[]
import dev.supervisor.api.plugin.ExtensionPoint;
import dev.supervisor.api.plugin.Plugin;
import dev.supervisor.api.plugin.PluginContext;
import dev.supervisor.api.plugin.SupervisorPlugin;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import java.time.Duration;

/** Contributes the provider {@code echo}, which answers every prompt with the prompt itself. */
@SupervisorPlugin(id = "echo-ai", version = "1.0.0", requires = ">=1.0 <2",
        description = "An AI provider that echoes its prompt")
public final class EchoProviderPlugin implements Plugin {
    @Override
    public void start(PluginContext ctx) {
        ctx.register(ExtensionPoint.PROVIDER, new Echo());
    }

    static final class Echo implements Provider {
        @Override
        public String id() {
            return "echo";
        }

        @Override
        public CostModel costModel() {
            return CostModel.builder("USD").perCall("0.01").build();
        }

        @Override
        public ProviderResult execute(ProviderRequest request) {
            return new ProviderResult.Success("echo: " + request.prompt(), TokenUsage.NONE, Money.of("0.01", "USD"),
                    "echo-1", Duration.ZERO);
        }
    }
}
// end::plugin[]
