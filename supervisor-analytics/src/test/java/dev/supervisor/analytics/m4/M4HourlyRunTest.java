package dev.supervisor.analytics.m4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor.analytics.forecast.Forecasters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole Hourly run of the default ensemble: OWA goal 0.60, time goal 60 s, 95% intervals that hold. */
@Tag("slow")
class M4HourlyRunTest {
    @Test
    void ensemble_beatsTheGoalOnM4Hourly() {
        Path dir = Files.isDirectory(Path.of("../../shared/datasets/m4")) ? Path.of("../../shared/datasets/m4")
                : Path.of("../shared/datasets/m4");
        assumeTrue(Files.exists(dir.resolve("Hourly-train.csv")), "M4 Hourly dataset not present");
        M4Data d = M4Data.hourly(dir);
        int threads = Runtime.getRuntime().availableProcessors();
        M4Harness.Score naive2 = M4Harness.score(d, Forecasters.naive2(24), threads);
        M4Harness.Score ens = M4Harness.score(d, Forecasters.auto(24), threads);
        double owa = M4Metrics.owa(ens.smape(), ens.mase(), naive2.smape(), naive2.mase());
        System.out.printf("ensemble sMAPE %.3f MASE %.3f OWA %.3f coverage %.3f MSIS %.2f in %.1f s%n",
                ens.smape(), ens.mase(), owa, ens.coverage(), ens.msis(), ens.seconds());
        assertThat(owa).isLessThanOrEqualTo(0.60);
        // Honest 95% intervals on real data: 19,872 test points, so a few points either way.
        assertThat(ens.coverage()).isBetween(0.92, 0.98);
        assertThat(ens.seconds()).isLessThan(60);
    }
}
