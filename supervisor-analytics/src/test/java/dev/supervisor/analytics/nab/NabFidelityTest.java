package dev.supervisor.analytics.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.supervisor.analytics.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our scorer against the published per-file NAB results of numenta, windowedGaussian and null (all three
 * profiles, each file at the detector's published threshold): every score within 1e-9 of the published 12 decimals and
 * every TP/TN/FP/FN count equal; then the re-swept corpus scores of the dataset README.
 */
class NabFidelityTest {
    static Path root() {
        return Datasets.require("nab", "labels/combined_windows.json");
    }

    @ParameterizedTest
    @CsvSource({"numenta,standard", "numenta,reward_low_FP_rate", "numenta,reward_low_FN_rate",
        "windowedGaussian,standard", "windowedGaussian,reward_low_FP_rate", "windowedGaussian,reward_low_FN_rate",
        "null,standard", "null,reward_low_FP_rate", "null,reward_low_FN_rate"})
    void perFileScores_matchPublished(String detector, String profileName) throws IOException {
        Path root = root();
        NabProfile profile = NabProfile.all().stream().filter(p -> p.name().equals(profileName)).findFirst()
                .orElseThrow();
        Map<String, NabFile> files = NabCorpus.load(root).stream()
                .collect(Collectors.toMap(NabFile::name, Function.identity()));
        List<String> lines = Files.readAllLines(root.resolve("fidelity/" + detector + "/" + detector + "_"
                + profileName + "_scores.csv"));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            NabFile f = files.get(c[2]);
            double[] scores = NabCorpus.column(root.resolve("fidelity/" + detector), c[2], "anomaly_score");
            NabScorer.FileResult r = NabScorer.score(f, scores, Double.parseDouble(c[3]), profile);
            assertThat(r.score()).as(c[2]).isCloseTo(Double.parseDouble(c[4]), within(1e-9));
            assertThat(new int[] {r.tp(), r.tn(), r.fp(), r.fn()}).as(c[2]).containsExactly(
                    Integer.parseInt(c[5]), Integer.parseInt(c[6]), Integer.parseInt(c[7]), Integer.parseInt(c[8]));
            checked++;
        }
        assertThat(checked).isEqualTo(41);
    }

    @ParameterizedTest
    @CsvSource({"numenta,standard,75.52", "numenta,reward_low_FP_rate,70.68", "numenta,reward_low_FN_rate,78.99",
        "windowedGaussian,standard,41.42", "windowedGaussian,reward_low_FP_rate,26.48",
        "windowedGaussian,reward_low_FN_rate,48.45"})
    void sweep_reproducesTheReadmeFigures(String detector, String profileName, double expected) {
        Path root = root();
        NabProfile profile = NabProfile.all().stream().filter(p -> p.name().equals(profileName)).findFirst()
                .orElseThrow();
        List<NabFile> files = NabCorpus.load(root);
        List<double[]> scores = new ArrayList<>();
        for (NabFile f : files) {
            scores.add(NabCorpus.column(root.resolve("fidelity/" + detector), f.name(), "anomaly_score"));
        }
        assertThat(NabScorer.sweep(files, scores, profile).normalized()).isCloseTo(expected, within(0.05));
    }
}
