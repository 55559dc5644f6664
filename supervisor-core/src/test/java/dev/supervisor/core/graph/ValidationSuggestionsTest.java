package dev.supervisor.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.core.graph.internal.Suggestions;
import dev.supervisor.core.graph.internal.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Suggestions}, the "did you mean" of validation messages, against the plain full-table computation of
 * {@link ReferenceValidator}.
 */
class ValidationSuggestionsTest {

    private static String word(SplittableRandom rnd, String alphabet, int max) {
        StringBuilder sb = new StringBuilder();
        for (int k = rnd.nextInt(max + 1); k > 0; k--) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void distance_randomPairs_matchesTheFullTable() {
        long seed = System.nanoTime();
        System.out.println("distance_randomPairs seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 50_000; i++) {
            String alphabet = rnd.nextBoolean() ? "ab" : "abcdxyz.-";
            String a = word(rnd, alphabet, 9);
            String b = rnd.nextBoolean() ? word(rnd, alphabet, 9) : mutate(rnd, a, alphabet);
            int max = rnd.nextInt(4);
            int expected = Math.min(ReferenceValidator.osa(a, b), max + 1);
            assertThat(Suggestions.distance(a, b, max)).as("seed %d: '%s' '%s' max %d", seed, a, b, max)
                    .isEqualTo(expected);
        }
    }

    /** One to three random edits, swaps included. */
    private static String mutate(SplittableRandom rnd, String s, String alphabet) {
        StringBuilder sb = new StringBuilder(s);
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
            int at = sb.length() == 0 ? 0 : rnd.nextInt(sb.length());
            char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
            switch (sb.length() == 0 ? 0 : rnd.nextInt(4)) {
                case 0 -> sb.insert(at, c);
                case 1 -> sb.deleteCharAt(at);
                case 2 -> sb.setCharAt(at, c);
                default -> {
                    if (at + 1 < sb.length()) {
                        char x = sb.charAt(at);
                        sb.setCharAt(at, sb.charAt(at + 1));
                        sb.setCharAt(at + 1, x);
                    }
                }
            }
        }
        return sb.toString();
    }

    @Test
    void closest_randomCandidates_isTheFirstOfTheNearestWithinTheCutOff() {
        long seed = System.nanoTime();
        System.out.println("closest_randomCandidates seed=" + seed);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < 5_000; i++) {
            String alphabet = "abcde.";
            List<String> candidates = new ArrayList<>();
            for (int k = rnd.nextInt(30); k > 0; k--) {
                candidates.add(word(rnd, alphabet, 8));
            }
            String typed = candidates.isEmpty() || rnd.nextInt(4) == 0 ? word(rnd, alphabet, 8)
                    : mutate(rnd, candidates.get(rnd.nextInt(candidates.size())), alphabet);
            String expected = ReferenceValidator.closest(typed, candidates);
            assertThat(Suggestions.closest(typed, candidates)).as("seed %d: '%s' in %s", seed, typed, candidates)
                    .isEqualTo(expected);
        }
    }

    @Test
    void closest_typicalTypos_areFound() {
        List<String> ids = List.of("extract", "transform", "load", "dependsOn", "FAIL_FAST");
        assertThat(Suggestions.closest("extrct", ids)).isEqualTo("extract");
        assertThat(Suggestions.closest("trasnform", ids)).isEqualTo("transform");
        assertThat(Suggestions.closest("lod", ids)).isEqualTo("load");
        assertThat(Suggestions.closest("dependOn", ids)).isEqualTo("dependsOn");
        assertThat(Suggestions.closest("FAIL_FATS", ids)).isEqualTo("FAIL_FAST");
        assertThat(Suggestions.closest("publish", ids)).isNull();
        assertThat(Suggestions.closest("ld", List.of("l", "load"))).isNull(); // too short to guess
    }

    @Test
    void clean_controlAndBidiCharacters_areEscapedAndLongTextCut() {
        assertThat(Text.clean("a\nb\u202Ec\u0085")).isEqualTo("a\\u000ab\\u202ec\\u0085");
        assertThat(Text.clean("x".repeat(99) + "😀")).isEqualTo("x".repeat(99) + "…");
        assertThat(Text.clean("x".repeat(100))).isEqualTo("x".repeat(100));
    }
}
