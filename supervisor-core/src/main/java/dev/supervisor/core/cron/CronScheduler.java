package dev.supervisor.core.cron;

import dev.supervisor.core.cron.internal.DefaultCronScheduler;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Fires schedules: one timer drives all of them from a priority queue of next-fire instants and hands each fire
 * to its {@link ScheduleTarget}. State (next fire, last fire, paused) goes through a
 * {@link dev.supervisor.api.spi.ScheduleStore}, so after a restart missed fires follow each schedule's
 * {@link MisfirePolicy}, and several nodes sharing one store fire each instant once.
 *
 * <pre>{@code
 * CronScheduler cron = CronScheduler.create(CronSchedulerConfig.defaults());
 * cron.add(ScheduleSpec.builder("nightly-review",
 *         CronSchedule.of("0 30 2 * * ?", CronDialect.QUARTZ, ZoneId.of("Europe/Berlin")),
 *         ScheduleTarget.workflow(supervisor, reviewWorkflow)).build());
 * }</pre>
 */
public interface CronScheduler extends AutoCloseable {
    /**
     * @param config clock, timer and store
     * @return a running scheduler
     */
    static CronScheduler create(CronSchedulerConfig config) {
        return new DefaultCronScheduler(config);
    }

    /**
     * Adds a schedule, or re-attaches one whose state the store already holds (after a restart). A stored next
     * fire in the past is handled by the misfire policy at once.
     *
     * @param spec the definition
     * @return its state now
     * @throws IllegalArgumentException if a schedule with that id is already added to this scheduler
     */
    ScheduleInfo add(ScheduleSpec spec);

    /**
     * @param id a schedule
     * @return true if it was removed (its stored state is deleted; running work is left alone)
     */
    boolean remove(String id);

    /**
     * Stops firing until {@link #resume}. Idempotent.
     *
     * @param id a schedule
     * @throws java.util.NoSuchElementException if unknown
     */
    void pause(String id);

    /**
     * Continues from now: instants passed while paused are not fired (no burst). Idempotent.
     *
     * @param id a schedule
     * @throws java.util.NoSuchElementException if unknown
     */
    void resume(String id);

    /**
     * Fires now, outside the cron times (the overlap policy still applies). Does not move the next fire.
     *
     * @param id a schedule
     * @return the fire
     * @throws java.util.NoSuchElementException if unknown
     */
    ScheduledFire trigger(String id);

    /**
     * @param id a schedule
     * @param count how many, 0–10,000
     * @return the next {@code count} fires from now within the schedule's window
     */
    List<Instant> preview(String id, int count);

    /**
     * @param id a schedule
     * @return its snapshot, if added
     */
    Optional<ScheduleInfo> info(String id);

    /** @return snapshots of every added schedule, in id order */
    List<ScheduleInfo> schedules();

    /**
     * Runs everything due at the clock's current time on the calling thread. The timer does this by itself; tests
     * with a manual clock use it (or advance the clock's delay scheduler) to step deterministically.
     */
    void runDue();

    /** Stops the timer. Running work is left alone. */
    @Override
    void close();
}
