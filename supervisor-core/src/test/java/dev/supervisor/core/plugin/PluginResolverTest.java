package dev.supervisor.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.supervisor.api.plugin.PluginApi;
import dev.supervisor.api.plugin.PluginDescriptor;
import dev.supervisor.core.plugin.PluginProblem.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each kind of resolution problem with its exact message, and the start order of what resolves. */
class PluginResolverTest {
    private final PluginResolver resolver = PluginResolver.of(PluginApi.VERSION);

    private static PluginDescriptor.Builder plugin(String id, String version, String... deps) {
        PluginDescriptor.Builder b = PluginDescriptor.builder(id).version(version).source("plugin jar " + id + ".jar");
        for (String d : deps) {
            b.dependency(d);
        }
        return b;
    }

    @Test
    void resolve_chainDeclaredBackwards_startsDependenciesFirst() {
        PluginResolution r = resolver.resolve(List.of(plugin("ui", "1.0.0", "slack@>=1.2 <2").build(),
                plugin("slack", "1.4.0", "templates", "metrics?").build(), plugin("templates", "2.0.0").build()));

        assertThat(r.problems()).isEmpty();
        assertThat(r.startOrder()).containsExactly("templates", "slack", "ui");
    }

    @Test
    void resolve_optionalDependencyAbsent_isFine() {
        PluginResolution r = resolver.resolve(List.of(plugin("slack", "1.0.0", "metrics?").build()));
        assertThat(r.isValid()).isTrue();
        assertThat(r.startOrder()).containsExactly("slack");
    }

    @Test
    void resolve_missingDependency_isReportedAndSpreadsToItsDependents() {
        PluginResolution r = resolver.resolve(List.of(plugin("slack", "1.0.0", "templates@>=1.2 <2").build(),
                plugin("ui", "1.0.0", "slack").build(), plugin("other", "1.0.0").build()));

        assertThat(r.problems()).extracting(PluginProblem::kind, PluginProblem::message).containsExactly(
                tuple(Kind.MISSING_DEPENDENCY,
                        "plugin 'slack' needs plugin 'templates' (>=1.2 <2), which is not present"),
                tuple(Kind.DEPENDENCY_UNRESOLVED,
                        "plugin 'ui' needs plugin 'slack', which did not resolve"));
        assertThat(r.problems().get(0).source()).isEqualTo("plugin jar slack.jar");
        assertThat(r.startOrder()).containsExactly("other");
    }

    @Test
    void resolve_wrongVersion_namesTheRangeAndThePresentVersion() {
        PluginResolution r = resolver.resolve(List.of(plugin("slack", "1.0.0", "templates@>=1.2 <2").build(),
                plugin("templates", "1.1.9").build()));

        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.WRONG_VERSION);
            assertThat(p.pluginIds()).containsExactly("slack", "templates");
            assertThat(p.message()).isEqualTo("plugin 'slack' needs plugin 'templates' >=1.2 <2 but plugin jar"
                    + " templates.jar is version 1.1.9");
        });
        assertThat(r.startOrder()).containsExactly("templates");
    }

    @Test
    void resolve_optionalDependencyInTheWrongVersion_isStillAProblem() {
        PluginResolution r = resolver.resolve(List.of(plugin("slack", "1.0.0", "metrics@>=2?").build(),
                plugin("metrics", "1.0.0").build()));
        assertThat(r.problems()).extracting(PluginProblem::kind).containsExactly(Kind.WRONG_VERSION);
    }

    @Test
    void resolve_cycle_reportsItsPathAndBlocksOnlyWhatDependsOnIt() {
        PluginResolution r = resolver.resolve(List.of(plugin("a", "1.0.0", "b").build(), plugin("b", "1.0.0", "c")
                .build(), plugin("c", "1.0.0", "a").build(), plugin("d", "1.0.0", "c").build(),
                plugin("e", "1.0.0").build()));

        assertThat(r.problems()).extracting(PluginProblem::kind, PluginProblem::message).containsExactly(
                tuple(Kind.CYCLE,
                        "plugins depend on each other in a cycle: a -> b -> c -> a (each needs the next)"),
                tuple(Kind.DEPENDENCY_UNRESOLVED,
                        "plugin 'd' needs plugin 'c', which did not resolve"));
        assertThat(r.problems().get(0).pluginIds()).containsExactly("a", "b", "c", "a");
        assertThat(r.startOrder()).containsExactly("e");
    }

    @Test
    void resolve_hostApiOutOfRange_namesBothVersions() {
        PluginResolution r = resolver.resolve(List.of(plugin("future", "1.0.0").requires(">=2.0 <3").build()));
        assertThat(r.problems()).extracting(PluginProblem::kind, PluginProblem::message).containsExactly(
                tuple(Kind.HOST_API_OUT_OF_RANGE,
                        "plugin 'future' requires host API >=2.0 <3 but this host provides 1.0.0"));
    }

    @Test
    void resolve_duplicateId_keepsTheFirstAndNamesBothSources() {
        PluginResolution r = resolver.resolve(List.of(plugin("slack", "1.0.0").build(),
                PluginDescriptor.builder("slack").version("2.0.0").source("plugin jar slack-2.jar").build()));

        assertThat(r.problems()).extracting(PluginProblem::kind, PluginProblem::message).containsExactly(
                tuple(Kind.DUPLICATE_ID, "plugin id 'slack' is declared twice: by"
                        + " plugin jar slack.jar and by plugin jar slack-2.jar (the second is ignored)"));
        assertThat(r.startOrder()).containsExactly("slack");
    }

    @Test
    void resolve_everyProblemAtOnce_andThrowIfInvalidListsThemAll() {
        // tag::resolve[]
        PluginResolution r = PluginResolver.of(PluginApi.VERSION).resolve(List.of(
                PluginDescriptor.builder("x").version("1.0.0").dependency("gone").build(),
                PluginDescriptor.builder("y").version("1.0.0").requires(">=9").build(),
                PluginDescriptor.builder("y").version("1.0.1").build()));
        r.problems().forEach(p -> System.out.println(p.kind() + ": " + p.message()));
        // end::resolve[]

        assertThat(r.problems()).extracting(PluginProblem::kind).containsExactly(Kind.DUPLICATE_ID,
                Kind.MISSING_DEPENDENCY, Kind.HOST_API_OUT_OF_RANGE);
        assertThatThrownBy(r::throwIfInvalid).isInstanceOf(PluginResolutionException.class)
                .hasMessageContaining("3 plugin problems").hasMessageContaining("'gone'")
                .hasMessageContaining("requires host API >=9");
    }

    @Test
    void resolve_randomDags_orderPutsEveryDependencyFirst() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(200);
            List<PluginDescriptor> plugins = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PluginDescriptor.Builder b = plugin("p" + i, "1.0." + i);
                for (int k = 0; k < 3 && i > 0; k++) {
                    int dep = random.nextInt(i);
                    if (plugins.get(dep).id().equals("p" + dep) && !b.build().dependencies().stream()
                            .anyMatch(d -> d.pluginId().equals("p" + dep))) {
                        b.dependency("p" + dep + "@>=1.0." + dep);
                    }
                }
                plugins.add(b.build());
            }
            List<PluginDescriptor> shuffled = new ArrayList<>(plugins);
            java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
            PluginResolution r = resolver.resolve(shuffled);

            assertThat(r.problems()).as("seed %d", seed).isEmpty();
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < r.startOrder().size(); i++) {
                position.put(r.startOrder().get(i), i);
            }
            assertThat(position).as("seed %d", seed).hasSize(n);
            for (PluginDescriptor d : plugins) {
                d.dependencies().forEach(dep -> assertThat(position.get(dep.pluginId()))
                        .as("seed %d: %s before %s", seed, dep.pluginId(), d.id()).isLessThan(position.get(d.id())));
            }
        }
    }
}
