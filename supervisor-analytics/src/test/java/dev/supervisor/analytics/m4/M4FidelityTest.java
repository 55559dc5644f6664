package dev.supervisor.analytics.m4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor.analytics.forecast.Forecasters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reproduces the organisers' official Hourly figures (Evaluation and Ranks.xlsx, as quoted in the dataset README)
 * to three decimals: Naive2 18.383 / 2.395, seasonal naive 13.912 / 1.193, SES 18.094 / 2.385.
 */
class M4FidelityTest {
    private static final Path DIR = Path.of("../../shared/datasets/m4");

    private static M4Data data() {
        Path dir = Files.isDirectory(DIR) ? DIR : Path.of("../shared/datasets/m4");
        assumeTrue(Files.exists(dir.resolve("Hourly-train.csv")), "M4 Hourly dataset not present");
        return M4Data.hourly(dir);
    }

    private static String fmt(M4Harness.Score s) {
        return String.format("%.3f/%.3f", s.smape(), s.mase());
    }

    @Test
    void naive2_andSeasonalNaive_matchOfficialHourlyFigures() {
        M4Data d = data();
        assertThat(d.ids()).hasSize(414);
        assertThat(fmt(M4Harness.score(d, Forecasters.naive2(24), 2))).isEqualTo("18.383/2.395");
        assertThat(fmt(M4Harness.score(d, Forecasters.seasonalNaive(24), 2))).isEqualTo("13.912/1.193");
        assertThat(fmt(M4Harness.score(d, Forecasters.ses(24), 2))).isEqualTo("18.094/2.385");
    }
}
