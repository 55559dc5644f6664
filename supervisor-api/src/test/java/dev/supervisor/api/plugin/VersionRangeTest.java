package dev.supervisor.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        ">=1.0 <2          ; 1.0.0        ; true",
        ">=1.0 <2          ; 1.9.9        ; true",
        ">=1.0 <2          ; 2.0.0        ; false",
        ">=1.0 <2          ; 2.0.0-rc.1   ; false",
        ">=1.0 <2          ; 0.9.0        ; false",
        ">=1.2.0 & <2.0.0  ; 1.5.0        ; true",
        ">= 1.2, < 2       ; 1.1.9        ; false",
        "1.2.3             ; 1.2.3        ; true",
        "=1.2.3            ; 1.2.4        ; false",
        "1.2               ; 1.2.9        ; true",
        "1.2.x             ; 1.3.0        ; false",
        "^1.2.3            ; 1.9.0        ; true",
        "^1.2.3            ; 2.0.0        ; false",
        "^0.2.3            ; 0.2.9        ; true",
        "^0.2.3            ; 0.3.0        ; false",
        "^0                ; 0.9.0        ; true",
        "~1.2.3            ; 1.2.9        ; true",
        "~1.2.3            ; 1.3.0        ; false",
        ">1.2              ; 1.2.9        ; false",
        ">1.2              ; 1.3.0        ; true",
        "<=1.2             ; 1.2.9        ; true",
        "<1.2              ; 1.1.9        ; true",
        "<1.2              ; 1.2.0-rc.1   ; false",
        "1.x || >=3        ; 2.5.0        ; false",
        "1.x || >=3        ; 3.0.0        ; true",
        "*                 ; 0.0.1        ; true",
        ">2.0.0            ; 2.0.0+b      ; false"})
    void contains_matchesTheNotation(String range, String version, boolean expected) {
        assertThat(VersionRange.parse(range).contains(SemanticVersion.parse(version))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        ">=1.x.2   ; '1.x.2' is not a semantic version",
        "abc       ; 'abc' is not a version",
        ">=        ; an operator without a version",
        "1 ||      ; an empty alternative",
        "<*        ; has nothing to compare with"})
    void parse_invalid_namesTheRangeAndReason(String range, String reason) {
        assertThatThrownBy(() -> VersionRange.parse(range)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version range '" + range + "' is not valid").hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "slack@>=1.2 <2 | slack   | >=1.2 <2 | false",
        "metrics?       | metrics | *        | true",
        "metrics@>=1?   | metrics | >=1      | true",
        "metrics?@>=1   | metrics | >=1      | true"})
    void dependency_parse_readsIdRangeAndOptionalMark(String text, String id, String range, boolean optional) {
        PluginDependency d = PluginDependency.parse(text);
        assertThat(d.pluginId()).isEqualTo(id);
        assertThat(d.range()).isEqualTo(VersionRange.parse(range));
        assertThat(d.optional()).isEqualTo(optional);
        assertThat(PluginDependency.parse(d.toString())).isEqualTo(d);
    }
}
