package dev.supervisor.core.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Suggestions}, the "did you mean" of validation messages, against a plain full-table computation. */
class ValidationSuggestionsTest {

    /** Optimal string alignment distance by the full table, no shortcuts. */
    private static int osa(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j], d[i][j - 1]) + 1,
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

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
            int expected = Math.min(osa(a, b), max + 1);
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
            String expected = null;
            int best = Integer.MAX_VALUE;
            for (String c : candidates) {
                int d = osa(typed, c);
                if (d <= Suggestions.maxDistance(Math.min(typed.length(), c.length())) && d < best) {
                    best = d;
                    expected = c;
                }
            }
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
