package dev.supervisor.core.cron.internal;

import dev.supervisor.core.cron.ScheduleInfo;
import java.time.Instant;

/** What a schedule entry reports of itself. */
record ScheduleSnapshot(String id, Instant nextFire, Instant lastFire, boolean paused, boolean completed, int running,
                        int buffered, long fired, long misfires, long skippedOverlap, long failed)
        implements ScheduleInfo {
}
