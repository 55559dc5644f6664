package dev.supervisor.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemanticVersionTest {

    @Test
    void compareTo_specificationExample_sortsInPrecedenceOrder() {
        // The precedence chain given by Semantic Versioning 2.0.0, section 11.
        List<String> chain = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0");
        long seed = new SplittableRandom().nextLong();
        List<SemanticVersion> shuffled = new ArrayList<>(chain.stream().map(SemanticVersion::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(seed));
        Collections.sort(shuffled);

        assertThat(shuffled).as("seed %d", seed).extracting(SemanticVersion::toString).containsExactlyElementsOf(chain);
    }

    @Test
    void equals_ignoresBuildMetadataButToStringKeepsIt() {
        SemanticVersion a = SemanticVersion.parse("1.2.3+build.7");
        assertThat(a).isEqualTo(SemanticVersion.parse("1.2.3+other")).hasSameHashCodeAs(SemanticVersion.of(1, 2, 3));
        assertThat(a.toString()).isEqualTo("1.2.3+build.7");
        assertThat(a.build()).isEqualTo("build.7");
        assertThat(SemanticVersion.parse("2.0.0-rc.1").preRelease()).isEqualTo("rc.1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.x      | expected MAJOR.MINOR.PATCH",
        "1.2      | expected MAJOR.MINOR.PATCH",
        "01.2.3   | '01' has a leading zero",
        "1.2.a    | 'a' is not a number",
        "1.2.3-   | empty pre-release identifier",
        "1.2.3-01 | numeric pre-release identifier '01' has a leading zero",
        "1.2.3+a_b| build identifier 'a_b' may only hold [0-9A-Za-z-]",
        "1234567890.0.0 | is too large"})
    void parse_invalid_namesTheReason(String text, String reason) {
        assertThatThrownBy(() -> SemanticVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a semantic version").hasMessageContaining(reason);
    }
}
