package dev.supervisor.spring.boot.web;

import dev.supervisor.core.cron.CronFire;
import dev.supervisor.core.cron.ScheduleInfo;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the schedule endpoints answer. */
public final class ScheduleModels {
    private ScheduleModels() {
    }

    /**
     * A schedule defined through the API.
     *
     * @param cron the cron expression
     * @param dialect its dialect: QUARTZ, UNIX or SPRING
     * @param zone the time zone it fires in
     * @param workflowId the workflow each fire runs
     * @param overlapPolicy what happens when a fire is due while the previous one runs
     * @param inputs the inputs of each run (besides {@code scheduledAt} and {@code scheduleId})
     */
    public record Definition(String cron, String dialect, String zone, String workflowId, String overlapPolicy,
                             Map<String, Object> inputs) {
    }

    /**
     * A schedule's state.
     *
     * @param id the schedule
     * @param nextFire the next fire, or null when paused or completed
     * @param lastFire the latest fire, or null
     * @param paused true while paused
     * @param completed true once no fire remains
     * @param running fires whose work has not ended
     * @param fired fires so far
     * @param misfires catch-ups that dropped or merged missed fires
     * @param skippedOverlap fires dropped because the previous one still ran
     * @param failed fires whose work could not be started
     * @param definition how it was defined, or null for a schedule the application added in code
     */
    public record ScheduleView(String id, Instant nextFire, Instant lastFire, boolean paused, boolean completed,
                               int running, long fired, long misfires, long skippedOverlap, long failed,
                               Definition definition) {
    }

    /**
     * One coming fire.
     *
     * @param at when it fires
     * @param local the wall-clock time the expression matched, or null when not known
     * @param adjustment what daylight saving did to it (NONE, GAP_SHIFTED, …), or null when not known
     */
    public record Fire(Instant at, LocalDateTime local, String adjustment) {
    }

    /**
     * The next fires.
     *
     * @param id the schedule
     * @param fires the fires, soonest first
     */
    public record Preview(String id, List<Fire> fires) {
    }

    /**
     * A fire started by hand.
     *
     * @param id the schedule
     * @param scheduledAt the instant it stands for
     * @param firedAt when it was handed to its target
     */
    public record Triggered(String id, Instant scheduledAt, Instant firedAt) {
    }

    static ScheduleView view(ScheduleInfo i, Definition d) {
        return new ScheduleView(i.id(), i.nextFire(), i.lastFire(), i.paused(), i.completed(), i.running(), i.fired(),
                i.misfires(), i.skippedOverlap(), i.failed(), d);
    }

    static Fire fire(CronFire f) {
        return new Fire(f.instant(), f.scheduledLocal(), f.adjustment().name());
    }
}
