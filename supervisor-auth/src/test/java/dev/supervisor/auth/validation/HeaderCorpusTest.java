package dev.supervisor.auth.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.auth.guard.GuardRequest;
import dev.supervisor.auth.guard.RequestGuard;
import dev.supervisor.auth.net.ClientAddress;
import dev.supervisor.auth.ratelimit.IpBlocker;
import dev.supervisor.auth.ratelimit.KeyedRateLimiter;
import dev.supervisor.auth.ratelimit.RateLimitTiers;
import dev.supervisor.auth.ratelimit.TimeSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real clients' headers pass untouched: the origin system refused {@code Accept: *}{@code /*} and every browser. */
class HeaderCorpusTest {

    private static List<Map<String, List<String>>> corpus() throws IOException {
        List<Map<String, List<String>>> requests = new ArrayList<>();
        try (InputStream in = HeaderCorpusTest.class.getResourceAsStream("/header-corpus.txt")) {
            Map<String, List<String>> current = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    if (!current.isEmpty()) {
                        requests.add(current);
                        current = new LinkedHashMap<>();
                    }
                    continue;
                }
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), List.of(line.substring(colon + 1).trim()));
            }
            if (!current.isEmpty()) {
                requests.add(current);
            }
        }
        return requests;
    }

    @Test
    void corpus_everyRealClientRequest_passesHeaderChecksAndTheGuard() throws IOException {
        List<Map<String, List<String>>> requests = corpus();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(12);
        RequestGuard guard = RequestGuard.of(ClientAddress.trusting(List.of()),
                KeyedRateLimiter.of(RateLimitTiers.GENERAL, 1000, TimeSource.system()),
                KeyedRateLimiter.of(RateLimitTiers.AUTH, 1000, TimeSource.system()), List.of("/auth/"),
                IpBlocker.of(10, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), List.of(), 1000,
                        TimeSource.system()));
        int n = 0;
        for (Map<String, List<String>> headers : requests) {
            headers.forEach((k, v) -> HeaderLimits.check(k, v.get(0)));
            var d = guard.check(new GuardRequest("GET", "/api/runs", headers, "198.51.100." + (n++ % 200)));
            assertThat(d.allowed()).as("request %d", n).isTrue();
        }
    }

    @Test
    void headerLimits_refuseInjectionAndAbuse() {
        assertThatThrownBy(() -> HeaderLimits.check("X-User", "alice\r\nSet-Cookie: admin=1"))
                .hasMessage("X-User: value contains CR, LF or NUL");
        assertThatThrownBy(() -> HeaderLimits.check("Bad Name", "x")).hasMessageContaining("not an HTTP token");
        assertThatThrownBy(() -> HeaderLimits.check("X-Big", "x".repeat(9000))).hasMessageContaining("8192");
    }
}
