package dev.supervisor.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PluginDescriptorTest {

    @Test
    void build_allFields_areKept() {
        PluginDescriptor d = PluginDescriptor.builder("slack").version("1.2.0").requires(">=1.0 <2")
                .dependency("templates@>=1.2 <2").dependency("metrics?").capability("events")
                .capability("http:hooks.slack.com").description("posts to Slack").source("plugin jar slack.jar")
                .build();

        assertThat(d.id()).isEqualTo("slack");
        assertThat(d.version()).isEqualTo(SemanticVersion.of(1, 2, 0));
        assertThat(d.requires().contains(PluginApi.VERSION)).isTrue();
        assertThat(d.dependencies()).extracting(PluginDependency::toString).containsExactly("templates@>=1.2 <2",
                "metrics?");
        assertThat(d.capabilities()).containsExactlyInAnyOrder(Capability.events(),
                Capability.http("hooks.slack.com"));
        assertThat(d.source()).isEqualTo("plugin jar slack.jar");
    }

    @Test
    void builder_badValues_failFastNamingTheOption() {
        assertThatThrownBy(() -> PluginDescriptor.builder("Slack"))
                .hasMessageContaining("plugin id 'Slack' is not valid");
        assertThatThrownBy(() -> PluginDescriptor.builder("a").version("1").version("2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PluginDescriptor.builder("a").version("1.0.0").version("2.0.0"))
                .isInstanceOf(IllegalStateException.class).hasMessage("version was already set to 1.0.0");
        assertThatThrownBy(() -> PluginDescriptor.builder("a").build()).hasMessageContaining("version is required");
        assertThatThrownBy(() -> PluginDescriptor.builder("a").version("1.0.0").dependency("a").build())
                .hasMessageContaining("plugin 'a' depends on itself");
        assertThatThrownBy(() -> PluginDescriptor.builder("a").version("1.0.0").dependency("b")
                .dependency("b@>=2").build()).hasMessageContaining("'b' is named twice");
    }
}
