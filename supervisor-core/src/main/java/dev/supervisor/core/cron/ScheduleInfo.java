package dev.supervisor.core.cron;

import java.time.Instant;

/**
 * A snapshot of one schedule.
 *
 * @param id the schedule
 * @param nextFire the next fire, or null when paused or completed
 * @param lastFire the latest instant reached, or null
 * @param paused true while paused
 * @param completed true once no fire remains
 * @param running fires whose work has not ended
 * @param buffered fires waiting under BUFFER_ONE / BUFFER_ALL
 * @param fired fires handed to the target by this scheduler
 * @param misfires catch-ups in which the misfire policy dropped or merged missed instants
 * @param skippedOverlap fires dropped by the overlap policy
 * @param failed fires whose target threw
 */
public record ScheduleInfo(String id, Instant nextFire, Instant lastFire, boolean paused, boolean completed,
                           int running, int buffered, long fired, long misfires, long skippedOverlap, long failed) {
}
