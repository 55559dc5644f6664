package dev.supervisor.core.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.spi.ScheduleState;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.api.spi.StaleVersionException;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.CronSchedulerConfig;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import dev.supervisor.core.cron.ScheduledFire;
import dev.supervisor.core.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Schedule state on H2 and PostgreSQL: compare-and-set, and one fire per instant across three nodes. */
class JdbcSchedulesTest {
    private static Supplier<DataSource> db(String which) {
        return which.equals("h2") ? Databases::h2 : Databases::postgres;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void store_isCompareAndSet(String which) {
        ScheduleStore store = JdbcStores.scheduleStore(db(which).get());
        ScheduleState s = new ScheduleState("s", "fp", Instant.parse("2026-01-01T00:00:00.5Z"), null, false, false, 0);
        assertThat(store.createIfAbsent(s)).isEqualTo(s);
        assertThat(store.createIfAbsent(s.next(null, null, true, false))).isEqualTo(s);
        ScheduleState moved = store.update(s.next(Instant.parse("2026-01-01T01:00:00Z"), s.nextFire(), false, false));
        assertThat(store.find("s")).contains(moved);
        assertThatThrownBy(() -> store.update(s.next(null, null, true, false)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.all()).containsExactly(moved);
        assertThat(store.delete("s")).isTrue();
        assertThat(store.find("s")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void threeNodes_sharingOneDatabase_fireEachInstantOnce(String which) {
        DataSource ds = db(which).get();
        ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
        List<String> fires = Collections.synchronizedList(new ArrayList<>());
        List<CronScheduler> nodes = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            String node = "node-" + n;
            CronScheduler s = CronScheduler.create(CronSchedulerConfig.builder().clock(clock).timer(clock)
                    .store(JdbcStores.scheduleStore(ds)).build());
            s.add(ScheduleSpec.builder("every-5-min", CronSchedule.of("0 0/5 * * * ?", CronDialect.QUARTZ,
                    ZoneOffset.UTC), ScheduleTarget.of((ScheduledFire f) -> fires.add(f.scheduledAt() + "@" + node)))
                    .build());
            nodes.add(s);
        }
        clock.advance(Duration.ofHours(1));
        List<String> instants = fires.stream().map(f -> f.substring(0, f.indexOf('@'))).toList();
        assertThat(instants).hasSize(12).doesNotHaveDuplicates();
        nodes.forEach(CronScheduler::close);
    }
}
