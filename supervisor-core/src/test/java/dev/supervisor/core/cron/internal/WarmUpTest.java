package dev.supervisor.core.cron.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.core.cron.CronSchedulerConfig;
import org.junit.jupiter.api.Test;

/** The fire-path warm-up goes through the real scheduler code and is an option set once. */
class WarmUpTest {

    @Test
    void run_handsFiresThroughTheSchedulerItself() {
        // 1,000 every-minute schedules over 12 minutes plus 2 on-time fires after the late step, 1,000 one-shots.
        assertThat(WarmUp.run()).isEqualTo(15_000);
    }

    @Test
    void warmUp_onByDefault_andSetOnce() {
        assertThat(CronSchedulerConfig.defaults().warmUp()).isTrue();
        assertThat(CronSchedulerConfig.builder().warmUp(false).build().warmUp()).isFalse();
        assertThatThrownBy(() -> CronSchedulerConfig.builder().warmUp(false).warmUp(true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("warmUp was already set to false");
    }
}
