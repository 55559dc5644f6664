package dev.supervisor.analytics.m4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class M4MetricsTest {
    @Test
    void smape_handComputed() {
        // |100-110|/(210) and |50-40|/90: 200/2 * (0.047619 + 0.111111) = 15.873
        assertThat(M4Metrics.smape(new double[] {100, 50}, new double[] {110, 40})).isCloseTo(15.873, within(1e-3));
        assertThat(M4Metrics.smape(new double[] {5, 5}, new double[] {5, 5})).isZero();
    }

    @Test
    void mase_usesInSampleSeasonalNaiveScale() {
        double[] train = {1, 2, 3, 5, 6, 7};           // m = 3: |5-1|,|6-2|,|7-3| → scale 4
        assertThat(M4Metrics.mase(train, new double[] {10, 10}, new double[] {8, 12}, 3)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void owa_isHalfTheRelativeErrors() {
        assertThat(M4Metrics.owa(9, 1.2, 18, 2.4)).isCloseTo(0.5, within(1e-12));
        assertThat(M4Metrics.owa(18.383, 2.395, 18.383, 2.395)).isEqualTo(1.0);
    }
}
