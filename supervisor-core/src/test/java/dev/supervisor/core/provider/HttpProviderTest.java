package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CostModel;
import dev.supervisor.api.provider.FailureKind;
import dev.supervisor.api.provider.Money;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both wire formats against a loopback server playing the documented responses, streams and errors. */
class HttpProviderTest {
    private LoopbackApi api;
    private final CostModel prices = CostModel.builder("USD").perThousandInput("0.0025").perThousandOutput("0.01")
            .model("claude-sonnet-4-5", "0.003", "0.015").build();

    @BeforeEach
    void start() throws Exception {
        api = new LoopbackApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpProvider openAi(boolean stream) {
        return HttpProvider.openAi("openai", api.base("/v1/")).apiKey(() -> "sk-test").model("gpt-4o")
                .stream(stream).costModel(prices).timeout(Duration.ofSeconds(30)).build();
    }

    private HttpProvider anthropic(boolean stream) {
        // tag::anthropic[]
        HttpProvider claude = HttpProvider.anthropic("anthropic", api.base("/"))
                .apiKey(() -> System.getenv().getOrDefault("ANTHROPIC_API_KEY", "test-key"))
                .model("claude-sonnet-4-5")
                .stream(stream)
                .costModel(prices)
                .build();
        // end::anthropic[]
        return claude;
    }

    private static ProviderRequest request() {
        return ProviderRequest.builder("t1", TaskType.PR_REVIEW, "Review this diff").maxOutputTokens(256).build();
    }

    private static ProviderResult.Failure failure(ProviderResult r) {
        assertThat(r).isInstanceOf(ProviderResult.Failure.class);
        return (ProviderResult.Failure) r;
    }

    /* ---- OpenAI-compatible ---- */

    @Test
    void openAi_wholeResponse_readsTextUsageModelAndCost() {
        api.responder = ex -> LoopbackApi.json(ex, 200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\","
                + "\"model\":\"gpt-4o-2024-08-06\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Looks good.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,"
                + "\"completion_tokens\":200,\"total_tokens\":1200}}");
        ProviderResult.Success ok = (ProviderResult.Success) openAi(false).execute(request());
        assertThat(ok.output()).isEqualTo("Looks good.");
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(1000, 200));
        assertThat(ok.model()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(ok.cost()).isEqualTo(Money.of("0.0045", "USD"));
        assertThat(api.lastPath).isEqualTo("/v1/chat/completions");
        assertThat(api.lastHeaders.getFirst("Authorization")).isEqualTo("Bearer sk-test");
        assertThat(api.lastBody).contains("\"model\":\"gpt-4o\"", "\"role\":\"user\"", "\"max_tokens\":256");
    }

    @Test
    void openAi_stream_concatenatesDeltasAndReadsUsageFromTheLastChunk() {
        api.responder = ex -> LoopbackApi.sse(ex,
                "data: {\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}",
                "data: {\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Looks \"}}]}",
                "data: {\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"good.\"},\"finish_reason\":\"stop\"}]}",
                "data: {\"model\":\"gpt-4o\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3}}",
                "data: [DONE]");
        ProviderResult.Success ok = (ProviderResult.Success) openAi(true).execute(request());
        assertThat(ok.output()).isEqualTo("Looks good.");
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(10, 3));
        assertThat(api.lastBody).contains("\"stream\":true", "\"include_usage\":true");
    }

    @Test
    void openAi_streamCutInTheMiddle_isACrashNotAPartialSuccess() {
        api.responder = ex -> LoopbackApi.sse(ex,
                "data: {\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Looks \"}}]}");
        ProviderResult.Failure f = failure(openAi(true).execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(f.message()).isEqualTo("stream cut before its end after 6 characters");
        assertThat(f.usage().input()).isEqualTo(request().inputTokens());
    }

    @Test
    void openAi_429WithRetryAfterSeconds_isRateLimitedWithTheHint() {
        api.responder = ex -> LoopbackApi.json(ex, 429, "{\"error\":{\"message\":\"Rate limit reached for gpt-4o\","
                + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}", "retry-after", "7");
        ProviderResult.Failure f = failure(openAi(false).execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(f.message()).isEqualTo("HTTP 429: Rate limit reached for gpt-4o");
    }

    @Test
    void retryAfterAsHttpDate_readAgainstTheInjectedClock() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(42).atOffset(ZoneOffset.UTC));
        api.responder = ex -> LoopbackApi.json(ex, 429, "{\"error\":{\"message\":\"slow down\"}}", "retry-after",
                date);
        HttpProvider p = HttpProvider.openAi("o", api.base("/v1/")).model("m")
                .clock(java.time.Clock.fixed(now, ZoneOffset.UTC)).build();
        assertThat(failure(p.execute(request())).retryAfter()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void openAi_errorStatuses_mapToKinds() {
        Object[][] cases = {
            {400, "{\"error\":{\"message\":\"This model's maximum context length is 128000 tokens\","
                    + "\"type\":\"invalid_request_error\",\"code\":\"context_length_exceeded\"}}",
                FailureKind.CONTEXT_OVERFLOW},
            {400, "{\"error\":{\"message\":\"Invalid value for 'temperature'\",\"type\":\"invalid_request_error\"}}",
                FailureKind.BAD_REQUEST},
            {401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}",
                FailureKind.AUTH},
            {429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\"}}",
                FailureKind.QUOTA_EXHAUSTED},
            {500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}",
                FailureKind.UNAVAILABLE},
            {503, "upstream connect error", FailureKind.UNAVAILABLE},
        };
        for (Object[] c : cases) {
            api.responder = ex -> LoopbackApi.json(ex, (Integer) c[0], (String) c[1]);
            assertThat(failure(openAi(false).execute(request())).kind()).as(c[1].toString()).isEqualTo(c[2]);
        }
    }

    @Test
    void malformedBody_isACrash() {
        api.responder = ex -> LoopbackApi.json(ex, 200, "{\"id\":\"x\",\"choices\":[]}");
        assertThat(failure(openAi(false).execute(request())).kind()).isEqualTo(FailureKind.CRASHED);
        api.responder = ex -> LoopbackApi.json(ex, 200, "{\"choices\":[{\"message\":{\"role\":\"assistant\","
                + "\"content\":null}}]}");
        assertThat(failure(openAi(false).execute(request())).kind()).isEqualTo(FailureKind.CRASHED);
        api.responder = ex -> LoopbackApi.json(ex, 200, "<html>gateway</html>");
        ProviderResult.Failure f = failure(openAi(false).execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(f.message()).startsWith("malformed or interrupted response");
    }

    @Test
    void serverThatNeverAnswers_timesOut() {
        api.responder = api::hang;
        HttpProvider p = HttpProvider.openAi("o", api.base("/v1/")).model("m").timeout(Duration.ofMillis(200)).build();
        ProviderResult.Failure f = failure(p.execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
    }

    @Test
    void streamThatStallsAfterTheHeaders_cutAtTheTimeout() {
        api.responder = ex -> {
            ex.getResponseHeaders().add("content-type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Lo\"}}]}\n\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ex.getResponseBody().flush();
            api.hang(ex);
        };
        HttpProvider p = HttpProvider.openAi("o", api.base("/v1/")).model("m").stream(true)
                .timeout(Duration.ofMillis(300)).build();
        ProviderResult.Failure f = failure(p.execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(f.message()).isEqualTo("no complete answer within PT0.3S");
    }

    @Test
    void nothingListening_isUnavailable() throws Exception {
        java.net.URI base;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            base = java.net.URI.create("http://127.0.0.1:" + s.getLocalPort() + "/v1/");
        }
        ProviderResult.Failure f = failure(HttpProvider.openAi("o", base).model("m").build().execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.UNAVAILABLE);
    }

    /* ---- Anthropic Messages ---- */

    @Test
    void anthropic_wholeMessage_readsTextUsageAndPricesTheModel() {
        api.responder = ex -> LoopbackApi.json(ex, 200, "{\"id\":\"msg_01\",\"type\":\"message\",\"role\":"
                + "\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[{\"type\":\"text\",\"text\":\"LGTM\"}],"
                + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":2000,\"output_tokens\":100}}");
        ProviderResult.Success ok = (ProviderResult.Success) anthropic(false).execute(request());
        assertThat(ok.output()).isEqualTo("LGTM");
        assertThat(ok.cost()).isEqualTo(Money.of("0.0075", "USD"));
        assertThat(api.lastPath).isEqualTo("/v1/messages");
        assertThat(api.lastHeaders.getFirst("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(api.lastHeaders.getFirst("x-api-key")).isNotBlank();
    }

    @Test
    void anthropic_stream_readsNamedEvents() {
        api.responder = ex -> LoopbackApi.sse(ex,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":"
                        + "\"message\",\"model\":\"claude-sonnet-4-5\",\"content\":[],\"usage\":{\"input_tokens\":25,"
                        + "\"output_tokens\":1}}}",
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":"
                        + "{\"type\":\"text\",\"text\":\"\"}}",
                "event: ping\ndata: {\"type\": \"ping\"}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                        + "\"text_delta\",\"text\":\"Hello\"}}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                        + "\"text_delta\",\"text\":\"!\"}}",
                "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}",
                "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},"
                        + "\"usage\":{\"output_tokens\":15}}",
                "event: message_stop\ndata: {\"type\":\"message_stop\"}");
        ProviderResult.Success ok = (ProviderResult.Success) anthropic(true).execute(request());
        assertThat(ok.output()).isEqualTo("Hello!");
        assertThat(ok.usage()).isEqualTo(TokenUsage.of(25, 15));
    }

    @Test
    void anthropic_streamErrorEventAndCut_areFailures() {
        api.responder = ex -> LoopbackApi.sse(ex,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"m\",\"usage\":"
                        + "{\"input_tokens\":25,\"output_tokens\":1}}}",
                "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                        + "\"Overloaded\"}}");
        ProviderResult.Failure overloaded = failure(anthropic(true).execute(request()));
        assertThat(overloaded.kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(overloaded.message()).isEqualTo("stream error: Overloaded");

        api.responder = ex -> LoopbackApi.sse(ex,
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"model\":\"m\",\"usage\":"
                        + "{\"input_tokens\":25,\"output_tokens\":1}}}",
                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
                        + "\"text_delta\",\"text\":\"Hel\"}}");
        ProviderResult.Failure cut = failure(anthropic(true).execute(request()));
        assertThat(cut.kind()).isEqualTo(FailureKind.CRASHED);
        assertThat(cut.usage().input()).isEqualTo(25);
    }

    @Test
    void anthropic_529AndPromptTooLong_mapToOverloadAndContextOverflow() {
        api.responder = ex -> LoopbackApi.json(ex, 529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                + "\"message\":\"Overloaded\"}}", "retry-after", "30");
        ProviderResult.Failure f = failure(anthropic(false).execute(request()));
        assertThat(f.kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(30));

        api.responder = ex -> LoopbackApi.json(ex, 400, "{\"type\":\"error\",\"error\":{\"type\":"
                + "\"invalid_request_error\",\"message\":\"prompt is too long: 210000 tokens > 200000 maximum\"}}");
        assertThat(failure(anthropic(false).execute(request())).kind()).isEqualTo(FailureKind.CONTEXT_OVERFLOW);
    }
}
