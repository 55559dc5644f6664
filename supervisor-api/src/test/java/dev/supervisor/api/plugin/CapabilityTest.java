package dev.supervisor.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapabilityTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "http:hooks.slack.com, http:hooks.slack.com, true",
        "http:HOOKS.slack.com, http:hooks.slack.com, true",
        "http:*.slack.com,     http:hooks.slack.com, true",
        "http:*.slack.com,     http:slack.com,       false",
        "http:*.slack.com,     http:evilslack.com,   false",
        "http:*,               http:example.org,     true",
        "http:a.example,       http:b.example,       false",
        "secret:*,             secret:webhook,       true",
        "secret:webhook,       http:webhook,         false",
        "events,               events,               true",
        "topics:billing,       topics:audit,         false"})
    void covers_matchesScopes(String held, String wanted, boolean expected) {
        assertThat(Capability.parse(held).covers(Capability.parse(wanted))).isEqualTo(expected);
    }

    @Test
    void parse_roundTripsThroughToString() {
        for (String s : new String[] {"http:hooks.slack.com", "secret:slack.webhook", "events", "topics:billing",
                "workflows", "schedule", "http:[::1]"}) {
            assertThat(Capability.parse(s).toString()).isEqualTo(s);
        }
    }

    @Test
    void parse_invalid_saysWhatIsWrong() {
        assertThatThrownBy(() -> Capability.parse("files:/etc"))
                .hasMessageContaining("unknown capability 'files:/etc'");
        assertThatThrownBy(() -> Capability.parse("http")).hasMessageContaining("'http' needs a scope");
        assertThatThrownBy(() -> Capability.parse("events:all")).hasMessageContaining("takes no scope");
        assertThatThrownBy(() -> Capability.parse("http:a*.com")).hasMessageContaining("may only be '*' or start");
        assertThatThrownBy(() -> Capability.parse("secret:a/b")).hasMessageContaining("not allowed: '/'");
    }
}
