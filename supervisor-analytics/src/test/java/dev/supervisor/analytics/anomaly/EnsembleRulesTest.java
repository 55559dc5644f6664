package dev.supervisor.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rules added for NAB: time-of-day member, empirical level shift, spatial check and daily recurrence. */
class EnsembleRulesTest {
    private static final long STEP = 300_000;
    private static final int DAY = 288;

    /** Noise around 10 with a spike of +{@code spike} every day at 03:00 (point 36 of the day). */
    private static double[] nightlySpikes(int days, double spike, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[days * DAY];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + r.nextDouble() + (t % DAY == 36 ? spike : 0);
        }
        return y;
    }

    @Test
    void timeOfDay_spikeAtItsUsualHour_scoresBelowTheSameSpikeAtAnotherHour() {
        double[] y = nightlySpikes(10, 5, 11);
        TimeOfDayDetector usual = new TimeOfDayDetector(24, false, 0.05, 10, 0.1);
        TimeOfDayDetector other = new TimeOfDayDetector(24, false, 0.05, 10, 0.1);
        double atUsual = 0;
        double atOther = 0;
        int last = y.length - DAY;
        for (int t = 0; t < y.length; t++) {
            double a = usual.update(t * STEP, y[t]);
            // The same series, but on the last day the spike comes at 15:00 instead of 03:00.
            double v = t >= last ? 10.5 + (t % DAY == 180 ? 5 : 0) : y[t];
            double b = other.update(t * STEP, v);
            if (t == last + 36) {
                atUsual = a;
            }
            if (t == last + 180) {
                atOther = b;
            }
        }
        assertThat(atOther).isGreaterThan(0.999);
        assertThat(atUsual).isLessThan(atOther);
    }

    @Test
    void timeOfDay_weekendSlots_areSeparate() {
        TimeOfDayDetector d = new TimeOfDayDetector(24, true, 0.05, 10, 0.1);
        long thursdayNoon = 12 * 3_600_000L;
        long saturdayNoon = thursdayNoon + 2 * 86_400_000L;
        assertThat(d.slot(thursdayNoon)).isEqualTo(12);
        assertThat(d.slot(saturdayNoon)).isEqualTo(36);
        assertThat(d.slot(saturdayNoon + 2 * 86_400_000L)).isEqualTo(12);
    }

    @Test
    void levelShift_empirical_burstsWidenTheBand_butASustainedShiftStillScoresHigh() {
        SplittableRandom r = new SplittableRandom(12);
        LevelShiftDetector iid = new LevelShiftDetector(6, 300, false);
        LevelShiftDetector empirical = new LevelShiftDetector(6, 300, true);
        double iidBurst = 0;
        double empiricalBurst = 0;
        double shift = 0;
        for (int t = 0; t < 3000; t++) {
            // A three-point burst every 100 points, then from 2900 on a sustained shift.
            double v = r.nextDouble() + (t % 100 < 3 ? 8 : 0) + (t >= 2900 ? 20 : 0);
            double a = iid.update(t * STEP, v);
            double b = empirical.update(t * STEP, v);
            if (t == 2802) {
                iidBurst = a;
                empiricalBurst = b;
            }
            if (t == 2905) {
                shift = b;
            }
        }
        // Tail probabilities: the regular burst is far less surprising to the empirical variant.
        assertThat(1 - empiricalBurst).isGreaterThan(1000 * (1 - iidBurst));
        assertThat(shift).isGreaterThan(0.9999);
    }

    @Test
    void ensemble_valueBeyondTheSeenRange_scoresOne_evenRightAfterAnAlarm() {
        SplittableRandom r = new SplittableRandom(13);
        AnomalyDetector d = AnomalyDetectors.ensemble(EnsembleConfig.builder()
                .members(() -> List.of(AnomalyDetectors.mad(100))).recurrenceLevel(0).build());
        for (int t = 0; t < 1000; t++) {
            d.update(t * STEP, r.nextDouble());
        }
        assertThat(d.update(1000 * STEP, 1.5)).isEqualTo(1.0);
        // 1.5 widened the range to about [0, 1.5]; 1.55 is within 5% of it, 1.7 is not.
        assertThat(d.update(1001 * STEP, 1.55)).isLessThan(1.0);
        assertThat(d.update(1002 * STEP, 1.7)).isEqualTo(1.0);
    }

    @Test
    void ensemble_alarmsRecurringDaily_areDampedOnceSeenOnTwoEarlierDays() {
        double[] y = nightlySpikes(6, 5, 14);
        // A short window of 1 so that a single-point spike reaches alarm level despite the daily repetition.
        AnomalyDetector plain = AnomalyDetectors.ensemble(EnsembleConfig.builder()
                .members(() -> List.of(AnomalyDetectors.mad(100))).shortWindow(1).rangeTolerance(0)
                .recurrenceLevel(0).build());
        AnomalyDetector recurring = AnomalyDetectors.ensemble(EnsembleConfig.builder()
                .members(() -> List.of(AnomalyDetectors.mad(100))).shortWindow(1).rangeTolerance(0).build());
        for (int t = 0; t < y.length; t++) {
            double a = plain.update(t * STEP, y[t]);
            double b = recurring.update(t * STEP, y[t]);
            if (t % DAY == 36 && t / DAY >= 3) {
                assertThat(a).as("day " + t / DAY).isGreaterThan(0.6);
                assertThat(b).as("day " + t / DAY).isEqualTo(a * 0.5);
            }
        }
    }

    @Test
    void levelShift_trimmed_oneSpikeIsNotAShift_butAShiftOfTheWindowIs() {
        SplittableRandom r = new SplittableRandom(15);
        AnomalyDetector trimmed = AnomalyDetectors.levelShift(8, 300);
        AnomalyDetector plain = AnomalyDetectors.levelShift(8, 300, false);
        double trimmedSpike = 0;
        double plainSpike = 0;
        double shift = 0;
        for (int t = 0; t < 3000; t++) {
            // One spike of +20 at 2800, then from 2900 on a sustained shift of +20.
            double v = r.nextDouble() + (t == 2800 || t >= 2900 ? 20 : 0);
            double a = trimmed.update(t * STEP, v);
            double b = plain.update(t * STEP, v);
            if (t == 2800) {
                trimmedSpike = a;
                plainSpike = b;
            }
            if (t == 2902) {
                shift = a;
            }
        }
        assertThat(plainSpike).isGreaterThan(0.9999);
        assertThat(trimmedSpike).isLessThan(0.99);
        // Three shifted points out of eight: the trimmed mean already moved by about 2 of 20.
        assertThat(shift).isGreaterThan(0.9999);
    }
}
