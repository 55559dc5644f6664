package dev.supervisor.spring.boot.autoconfigure.health;

import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.ScheduleInfo;
import dev.supervisor.spring.boot.autoconfigure.SupervisorLifecycle;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The cron scheduler: UP while it runs (OUT_OF_SERVICE once the context has stopped it); details are its schedules,
 * how many are paused, the next fire and the failed fires so far.
 */
public class CronSchedulerHealthIndicator implements HealthIndicator {
    private final CronScheduler cron;
    private final SupervisorLifecycle lifecycle;

    /**
     * @param cron the scheduler
     * @param lifecycle what starts and stops it with the context
     */
    public CronSchedulerHealthIndicator(CronScheduler cron, SupervisorLifecycle lifecycle) {
        this.cron = cron;
        this.lifecycle = lifecycle;
    }

    @Override
    public Health health() {
        List<ScheduleInfo> all = cron.schedules();
        Health.Builder h = lifecycle.isRunning() ? Health.up() : Health.outOfService();
        h.withDetail("schedules", all.size())
                .withDetail("paused", all.stream().filter(ScheduleInfo::paused).count())
                .withDetail("failedFires", all.stream().mapToLong(ScheduleInfo::failed).sum());
        all.stream().filter(s -> !s.paused()).map(ScheduleInfo::nextFire).filter(Objects::nonNull)
                .min(Instant::compareTo).ifPresent(next -> h.withDetail("nextFire", next.toString()));
        return h.build();
    }
}
