package dev.supervisor.core.provider;

import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.core.provider.internal.HttpCall;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A model API over HTTP: OpenAI-compatible chat completions (OpenAI, vLLM, Ollama, LM Studio, OpenRouter) or the
 * Anthropic Messages API, whole or streamed (server-sent events). Usage becomes cost through the cost model;
 * {@code 429}/{@code 529} become rate limits and overloads with their {@code retry-after}; {@code 5xx}, timeouts,
 * malformed bodies and streams cut before their end event are failures, never successes. Build with
 * {@link #openAi(String, URI)} or {@link #anthropic(String, URI)}.
 */
public final class HttpProvider extends DeclaredProvider {
    private final URI base;
    private final Supplier<String> apiKey;
    private final String model;
    private final boolean stream;
    private final Duration timeout;
    private final HttpCall call;

    private HttpProvider(Builder b) {
        super(b);
        base = b.base;
        apiKey = b.apiKey;
        model = b.model;
        stream = b.stream;
        timeout = b.timeout;
        HttpClient client = b.client != null ? b.client
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        call = new HttpCall(client, b.anthropic, b.clock);
    }

    /**
     * @param id the provider id
     * @param baseUri the API base ending in {@code /}, e.g. {@code https://api.openai.com/v1/} or
     *                {@code http://localhost:11434/v1/}
     * @return a builder for OpenAI-compatible chat completions
     */
    public static Builder openAi(String id, URI baseUri) {
        return new Builder(id, baseUri, false);
    }

    /**
     * @param id the provider id
     * @param baseUri the API base, e.g. {@code https://api.anthropic.com/}
     * @return a builder for the Anthropic Messages API
     */
    public static Builder anthropic(String id, URI baseUri) {
        return new Builder(id, baseUri, true);
    }

    @Override
    public ProviderResult execute(ProviderRequest request) {
        return call.call(base, apiKey == null ? null : apiKey.get(), request.model().orElse(model), request, stream,
                request.timeout().orElse(timeout), costModel());
    }

    @Override
    public String toString() {
        return "HttpProvider{" + id() + ", " + base + ", model=" + model + ", stream=" + stream + "}";
    }

    /** Fail-fast builder of {@link HttpProvider}. Not thread-safe. */
    public static final class Builder extends ProviderBuilder<Builder> {
            private final URI base;
        private final boolean anthropic;
        private Supplier<String> apiKey;
        private String model;
        private boolean stream;
        private Duration timeout = Duration.ofSeconds(120);
        private HttpClient client;
        private Clock clock = Clock.systemUTC();

        private Builder(String id, URI base, boolean anthropic) {
            super(id);
            Objects.requireNonNull(base, "baseUri");
            if (!base.isAbsolute() || !base.getPath().endsWith("/")) {
                throw new IllegalArgumentException("baseUri must be absolute and end with '/' but was " + base);
            }
            this.base = base;
            this.anthropic = anthropic;
        }

        /** @param key where the API key comes from; read per call, never logged @return this builder */
        public Builder apiKey(Supplier<String> key) {
            this.apiKey = Objects.requireNonNull(key, "apiKey");
            return this;
        }

        /** @param model the default model, required @return this builder */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** @param stream true to stream the answer as server-sent events @return this builder */
        public Builder stream(boolean stream) {
            this.stream = stream;
            return this;
        }

        /** @param timeout until response headers arrive, positive (default 120 s) @return this builder */
        public Builder timeout(Duration timeout) {
            this.timeout = positive("timeout", timeout);
            return this;
        }

        /** @param client the HTTP client to use (proxy, TLS, executor) @return this builder */
        public Builder httpClient(HttpClient client) {
            this.client = Objects.requireNonNull(client, "httpClient");
            return this;
        }

        /** @param clock clock for HTTP-date retry-after values @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** @return the provider @throws IllegalStateException without a model */
        public HttpProvider build() {
            if (model == null) {
                throw new IllegalStateException("model is required for HTTP provider '" + id + "'");
            }
            return new HttpProvider(this);
        }
    }
}
