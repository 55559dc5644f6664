package dev.supervisor.analytics.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Subset sweeps and fixed-threshold scores against the plain scorer on the same files. */
class NabCorpusScoresTest {
    private static NabFile file(String name, int n, List<int[]> windows) {
        return new NabFile(name, Collections.nCopies(n, "2026-01-01 00:00:00"), new double[n], windows);
    }

    @Test
    void sweepAndScoreOfASubset_matchTheScorerOnThatSubsetAlone() {
        long seed = 20261207L;
        System.out.println("NabCorpusScoresTest seed=" + seed);
        SplittableRandom r = new SplittableRandom(seed);
        List<NabFile> files = new ArrayList<>();
        List<double[]> scores = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            int n = 300 + r.nextInt(400);
            List<int[]> w = new ArrayList<>();
            for (int start = 100 + r.nextInt(60); start + 30 < n; start += 120 + r.nextInt(100)) {
                w.add(new int[] {start, start + 10 + r.nextInt(20)});
            }
            files.add(file((k % 2 == 0 ? "even/" : "odd/") + k + ".csv", n, w));
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                // Coarse values so that ties occur, as they do with real detectors.
                s[i] = Math.floor(r.nextDouble() * r.nextDouble() * 50) / 50;
            }
            scores.add(s);
        }
        for (NabProfile p : NabProfile.all()) {
            NabCorpusScores all = NabCorpusScores.of(files, scores, p);
            List<NabFile> odd = new ArrayList<>();
            List<double[]> oddScores = new ArrayList<>();
            for (int k = 1; k < files.size(); k += 2) {
                odd.add(files.get(k));
                oddScores.add(scores.get(k));
            }
            NabScorer.Sweep subset = all.sweep(f -> f.category().equals("odd"));
            NabScorer.Sweep alone = NabScorer.sweep(odd, oddScores, p);
            assertThat(subset).isEqualTo(alone);

            double theta = 0.3;
            double raw = 0;
            for (int k = 0; k < odd.size(); k++) {
                raw += NabScorer.score(odd.get(k), oddScores.get(k), theta, p).score();
            }
            assertThat(all.at(f -> f.category().equals("odd"), theta).raw()).isCloseTo(raw, within(1e-9));
        }
    }
}
