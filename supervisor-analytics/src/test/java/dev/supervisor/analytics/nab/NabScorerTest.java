package dev.supervisor.analytics.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring rules on tiny hand-made corpora, read through {@link NabCorpus} as a user's own data would be. */
class NabScorerTest {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 1, 1, 0, 0);

    @TempDir
    Path dir;

    /** Writes data/cat/f.csv with one row per entry of {@code minutes} and the given windows (minute pairs). */
    private NabFile write(int[] minutes, int[]... windows) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        List<String> ts = new ArrayList<>();
        for (int m : minutes) {
            ts.add(T0.plusMinutes(m).format(TS));
            csv.append(ts.get(ts.size() - 1)).append(",1.0\n");
        }
        Files.createDirectories(dir.resolve("data/cat"));
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("data/cat/f.csv"), csv);
        StringBuilder json = new StringBuilder("{\"cat/f.csv\": [");
        for (int i = 0; i < windows.length; i++) {
            json.append(i == 0 ? "" : ", ").append("[\"").append(T0.plusMinutes(windows[i][0]).format(TS))
                    .append(".000000\", \"").append(T0.plusMinutes(windows[i][1]).format(TS)).append(".000000\"]");
        }
        Files.writeString(dir.resolve("labels/combined_windows.json"), json.append("]}"));
        return NabCorpus.load(dir).get(0);
    }

    private static int[] minutes(int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = i;
        }
        return m;
    }

    private static double[] detectAt(int n, int... rows) {
        double[] s = new double[n];
        for (int r : rows) {
            s[r] = 1;
        }
        return s;
    }

    @Test
    void score_earliestDetectionInAWindow_andDistanceWeightedFalsePositive() throws IOException {
        // 100 rows, probation 15; window rows 40..49 (width 10).
        NabFile f = write(minutes(100), new int[] {40, 49});
        // Row 45: y = -(49 - 45 + 1)/10 = -0.5; row 47 adds nothing; row 59: y = (59 - 49)/9 past the window.
        NabScorer.FileResult r = NabScorer.score(f, detectAt(100, 45, 47, 59), 0.5, NabProfile.STANDARD);

        double tp = NabScorer.sigmoid(-0.5) / NabScorer.sigmoid(-1);
        double fp = 0.11 * NabScorer.sigmoid(10.0 / 9);
        assertThat(r.score()).isCloseTo(tp + fp, within(1e-12));
        assertThat(new int[] {r.tp(), r.fp(), r.fn(), r.windows(), r.found()}).containsExactly(2, 1, 8, 1, 1);
        // Before any window a false positive costs the full fpWeight.
        assertThat(NabScorer.score(f, detectAt(100, 20), 0.5, NabProfile.LOW_FP).score())
                .isCloseTo(-0.22 - 1, within(1e-12));
    }

    @Test
    void score_windowWhollyInsideTheProbation_isNeitherFoundNorMissed() throws IOException {
        // 100 rows, probation 15: the window 2..10 has no scored row; the window 50..59 is found at its first row.
        NabFile f = write(minutes(100), new int[] {2, 10}, new int[] {50, 59});
        NabScorer.FileResult r = NabScorer.score(f, detectAt(100, 50), 0.5, NabProfile.STANDARD);

        assertThat(r.score()).isCloseTo(1.0, within(1e-12));
        assertThat(r.windows()).isEqualTo(1);
        assertThat(r.found()).isEqualTo(1);

        // The null detector is not charged for it either (null = -1), while the perfect score counts both windows.
        NabScorer.Sweep s = NabScorer.sweep(List.of(f), List.of(detectAt(100, 50)), NabProfile.STANDARD);
        assertThat(s.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(s.normalized()).isCloseTo(100 * (1.0 + 1) / (2 + 1), within(1e-9));
        assertThat(NabScorer.sweep(List.of(f), List.of(new double[100]), NabProfile.STANDARD).normalized())
                .isCloseTo(0, within(1e-12));
    }

    @Test
    void load_windowEndingOnARepeatedTimestamp_endsAtTheFirstSuchRow() throws IOException {
        // Minute 20 appears on rows 20, 21 and 22; the window runs from minute 15 to minute 20.
        int[] m = new int[40];
        for (int i = 0; i < m.length; i++) {
            m[i] = i <= 20 ? i : Math.max(20, i - 2);
        }
        NabFile f = write(m, new int[] {15, 20});
        assertThat(f.windows()).singleElement().satisfies(w -> assertThat(w).containsExactly(15, 20));

        // So a detection on row 21 is a false positive just after the window (width 6), and the window is missed.
        NabScorer.FileResult r = NabScorer.score(f, detectAt(40, 21), 0.5, NabProfile.STANDARD);
        assertThat(r.found()).isZero();
        assertThat(r.score()).isCloseTo(-1 + 0.11 * NabScorer.sigmoid(1.0 / 5), within(1e-12));
    }

    @Test
    void sweep_picksTheThresholdWithTheBestCorpusScore() throws IOException {
        NabFile f = write(minutes(100), new int[] {40, 49});
        double[] s = new double[100];
        s[40] = 0.8;
        s[70] = 0.9;
        s[80] = 0.5;
        // θ 0.9: one FP (-0.11·σ) and a miss; θ 0.8: the window at its first row plus that FP; θ 0.5: one more FP.
        NabScorer.Sweep r = NabScorer.sweep(List.of(f), List.of(s), NabProfile.STANDARD);
        assertThat(r.threshold()).isEqualTo(0.8);
        assertThat(r.found()).isEqualTo(1);
        assertThat(r.falsePositives()).isEqualTo(1);
        assertThat(r.raw()).isCloseTo(1 + 0.11 * NabScorer.sigmoid(21.0 / 9), within(1e-12));
    }

    @Test
    void score_scoresOfTheWrongLength_areRejected() throws IOException {
        NabFile f = write(minutes(100), new int[] {40, 49});
        assertThatThrownBy(() -> NabScorer.score(f, new double[99], 0.5, NabProfile.STANDARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99 scores for 100 rows");
    }
}
