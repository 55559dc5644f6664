package dev.supervisor.analytics.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ensemble settings, the range horizon, profile thresholds and the tracker's builder. */
class EnsembleConfigTest {
    private static final long STEP = 300_000;

    @Test
    void builder_optionSetTwice_orOutOfRange_isRejectedByName() {
        assertThatThrownBy(() -> EnsembleConfig.builder().refractory(50).refractory(60))
                .isInstanceOf(IllegalStateException.class).hasMessage("refractory was already set to 50");
        assertThatThrownBy(() -> EnsembleConfig.builder().alarmLevel(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("alarmLevel must be in (0, 1] but was 1.5");
        assertThatThrownBy(() -> EnsembleConfig.builder().rangeHorizon(10))
                .hasMessage("rangeHorizon must be at least 100 but was 10");
        assertThatThrownBy(() -> EnsembleConfig.builder().damping(-0.1)).hasMessageContaining("damping");
        assertThatThrownBy(() -> AnomalyDetectors.ensemble(EnsembleConfig.builder().members(List::of).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("members");
        assertThat(EnsembleConfig.defaults().toString()).contains("refractory 100", "over 8640");
        // The record's own constructor checks the same way.
        EnsembleConfig d = EnsembleConfig.defaults();
        assertThatThrownBy(() -> new EnsembleConfig(d.members(), 0, d.longWindow(), d.alarmLevel(), d.refractory(),
                d.damping(), d.rangeTolerance(), d.rangeHorizon(), d.recurrenceLevel()))
                .hasMessage("shortWindow must be between 1 and 100 but was 0");
    }

    /** A spike to 10 early on, then noise in [0, 1) for a long time, then a value of 5. */
    private static double lastScore(int horizon) {
        SplittableRandom r = new SplittableRandom(31);
        AnomalyDetector d = AnomalyDetectors.ensemble(EnsembleConfig.builder().rangeHorizon(horizon).build());
        for (int t = 0; t < 3000; t++) {
            d.update(t * STEP, t == 400 ? 10 : r.nextDouble());
        }
        return d.update(3000 * STEP, 5);
    }

    @Test
    void rangeCheck_forgetsExtremesOlderThanTheHorizon() {
        // Within the horizon the early spike still defines the range; past it, 5 is beyond everything recent.
        assertThat(lastScore(1000)).isEqualTo(1.0);
        assertThat(lastScore(Integer.MAX_VALUE)).isLessThan(1.0);
    }

    @Test
    void mad_windowMostlyOneValue_scoresABlipByTheWindowSpread_notAsCertain() {
        AnomalyDetector d = AnomalyDetectors.mad(200);
        double blip = 0;
        for (int t = 0; t < 400; t++) {
            // Idle at 0, with a 1 every tenth point: the MAD is 0, the spread is not.
            blip = d.update(t * STEP, t % 10 == 0 ? 1 : 0);
        }
        assertThat(blip).isLessThan(0.9999);
        assertThat(d.update(400 * STEP, 50)).isGreaterThan(0.999999);
    }

    @Test
    void thresholds_orderTheProfiles_forEveryBuiltInDetector() {
        for (AnomalyDetector d : List.of(AnomalyDetectors.zScore(50), AnomalyDetectors.mad(50),
                AnomalyDetectors.seasonal(), AnomalyDetectors.defaultEnsemble())) {
            double standard = d.threshold(AlarmProfile.STANDARD);
            assertThat(d.threshold(AlarmProfile.FEWER_FALSE_ALARMS)).as(d.name()).isGreaterThanOrEqualTo(standard);
            assertThat(d.threshold(AlarmProfile.FEWER_MISSES)).as(d.name()).isLessThanOrEqualTo(standard);
            assertThat(standard).isBetween(0.0, 1.0);
        }
        // The ensemble's threshold is its alarm level, where its refractory period starts.
        AnomalyDetector stricter = AnomalyDetectors.ensemble(EnsembleConfig.builder().alarmLevel(0.7).build());
        assertThat(stricter.threshold(AlarmProfile.FEWER_FALSE_ALARMS)).isEqualTo(0.7);
        assertThat(AnomalyDetectors.defaultEnsemble().threshold(AlarmProfile.STANDARD)).isEqualTo(0.65);
    }

    @Test
    void tracker_takesTheDetectorsThreshold_andRejectsAThresholdWithAProfile() {
        AnomalyDetector ensemble = AnomalyDetectors.defaultEnsemble();
        assertThat(AnomalyTracker.of(ensemble).threshold()).isEqualTo(ensemble.threshold(AlarmProfile.STANDARD));
        assertThat(AnomalyTracker.builder(ensemble).profile(AlarmProfile.FEWER_FALSE_ALARMS).build().threshold())
                .isEqualTo(ensemble.threshold(AlarmProfile.FEWER_FALSE_ALARMS));
        assertThatThrownBy(() -> AnomalyTracker.builder(ensemble).profile(AlarmProfile.STANDARD).threshold(0.5)
                .build()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> AnomalyTracker.builder(ensemble).gap(Duration.ZERO))
                .hasMessageContaining("gap must be positive");
    }
}
