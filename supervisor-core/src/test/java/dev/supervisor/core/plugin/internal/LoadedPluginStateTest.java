package dev.supervisor.core.plugin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.core.plugin.IllegalPluginStateException;
import dev.supervisor.core.plugin.PluginState;
import dev.supervisor.core.plugin.PluginStateChange;
import dev.supervisor.core.testing.ManualClock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of states: the legal moves succeed and are told to listeners, every other one throws. */
class LoadedPluginStateTest {
    /** A legal path from CREATED to each state. */
    private static final Map<PluginState, List<PluginState>> PATH = Map.of(
            PluginState.CREATED, List.of(),
            PluginState.RESOLVED, List.of(PluginState.RESOLVED),
            PluginState.STARTED, List.of(PluginState.RESOLVED, PluginState.STARTED),
            PluginState.STOPPED, List.of(PluginState.RESOLVED, PluginState.STARTED, PluginState.STOPPED),
            PluginState.FAILED, List.of(PluginState.RESOLVED, PluginState.FAILED),
            PluginState.DISABLED, List.of(PluginState.DISABLED),
            PluginState.UNLOADED, List.of(PluginState.UNLOADED));

    private static final Map<PluginState, EnumSet<PluginState>> LEGAL = Map.of(
            PluginState.CREATED, EnumSet.of(PluginState.RESOLVED, PluginState.DISABLED, PluginState.UNLOADED),
            PluginState.RESOLVED, EnumSet.of(PluginState.STARTED, PluginState.FAILED, PluginState.DISABLED,
                    PluginState.UNLOADED),
            PluginState.STARTED, EnumSet.of(PluginState.STOPPED, PluginState.FAILED),
            PluginState.STOPPED, EnumSet.of(PluginState.STARTED, PluginState.FAILED, PluginState.DISABLED,
                    PluginState.UNLOADED),
            PluginState.FAILED, EnumSet.of(PluginState.DISABLED, PluginState.UNLOADED),
            PluginState.DISABLED, EnumSet.of(PluginState.CREATED, PluginState.UNLOADED),
            PluginState.UNLOADED, EnumSet.noneOf(PluginState.class));

    static Stream<Arguments> pairs() {
        return Stream.of(PluginState.values()).flatMap(from -> Stream.of(PluginState.values())
                .map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void moveTo_eachPairOfStates_isAllowedExactlyWhenTheTableSaysSo(PluginState from, PluginState to) {
        List<PluginStateChange> told = new ArrayList<>();
        LoadedPlugin p = new LoadedPlugin(new Candidate(PluginDescriptor.builder("p").version("1.0.0").build(), null,
                null, null), getClass().getClassLoader(), ManualClock.at("2026-01-01T00:00:00Z"), told::add);
        PATH.get(from).forEach(s -> p.moveTo(s, ""));
        told.clear();

        assertThat(from.canMoveTo(to)).isEqualTo(LEGAL.get(from).contains(to));
        if (LEGAL.get(from).contains(to)) {
            p.moveTo(to, "");
            assertThat(p.state()).isEqualTo(to);
            assertThat(told).singleElement().satisfies(c -> {
                assertThat(c.from()).isEqualTo(from);
                assertThat(c.to()).isEqualTo(to);
            });
        } else {
            assertThatThrownBy(() -> p.moveTo(to, "")).isInstanceOf(IllegalPluginStateException.class)
                    .hasMessageStartingWith("plugin 'p' cannot move from " + from + " to " + to + " (from " + from
                            + " it may move to: ");
            assertThat(p.state()).isEqualTo(from);
            assertThat(told).isEmpty();
        }
    }
}
