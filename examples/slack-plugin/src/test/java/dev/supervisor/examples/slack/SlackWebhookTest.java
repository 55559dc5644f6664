package dev.supervisor.examples.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlackWebhookTest {
    private static final String URL = "https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX";

    @Test
    void toStringAndRedact_neverShowThePath() {
        SlackWebhook w = SlackWebhook.of(URL);
        assertThat(w).hasToString("SlackWebhook[https://hooks.slack.com/[redacted]]");
        assertThat(w.redact("POST " + URL + " failed; path /services/T000/B000/XXXXsecretXXXX"))
                .isEqualTo("POST https://hooks.slack.com/[redacted] failed; path /[redacted]");
    }

    @Test
    void of_notAUrl_failsWithoutRepeatingTheSecret() {
        assertThatThrownBy(() -> SlackWebhook.of("hooks.slack.com/services/secret"))
                .hasMessage("the Slack webhook secret is not an http(s) URL with a host");
        assertThatThrownBy(() -> SlackWebhook.of("https://bad host/secret")).hasMessageNotContaining("secret/");
    }
}
