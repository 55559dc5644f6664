package dev.supervisor.analytics.m4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** MSIS and coverage on a hand-worked example. */
class M4IntervalMetricsTest {
    // Seasonal-naive scale at m = 2: |3−1|, |2−2|, |5−3| → mean 4/3.
    private static final double[] TRAIN = {1, 2, 3, 2, 5};
    private static final double[] ACTUAL = {10, 4, 0};
    private static final double[] LOWER = {8, 5, 1};
    private static final double[] UPPER = {12, 7, 3};

    @Test
    void msis_addsWidthAndScaledMisses_overTheSeasonalNaiveScale() {
        // Widths 4 + 2 + 2 = 8; misses: 4 below 5 by 1, 0 below 1 by 1, each times 2/0.05 = 40 → 80.
        double expected = (8 + 80) / 3.0 / (4.0 / 3.0);

        assertThat(M4Metrics.msis(TRAIN, ACTUAL, LOWER, UPPER, 2, 0.05)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void coverage_countsBoundsAsInside() {
        assertThat(M4Metrics.coverage(ACTUAL, LOWER, UPPER)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(M4Metrics.coverage(new double[] {8, 12}, new double[] {8, 8}, new double[] {12, 12}))
                .isEqualTo(1.0);
    }
}
