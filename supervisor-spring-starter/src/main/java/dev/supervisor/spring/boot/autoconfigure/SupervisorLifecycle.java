package dev.supervisor.spring.boot.autoconfigure;

import dev.supervisor.core.Supervisor;
import dev.supervisor.core.cron.CronScheduler;
import java.time.Duration;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Ties the supervisor to the application context: when the context closes it stops the cron scheduler (no new
 * fires), then shuts the supervisor down — no new runs, running attempts get up to the deadline to finish and the
 * rest are cancelled; a cluster node stops claiming, puts back the tasks it could not finish and hands the runs it
 * drives to the other nodes, so nothing stays RUNNING without a live lease.
 *
 * <p>Its phase ({@link #PHASE}) is below the web server's, so the server has stopped taking requests (and
 * finished its graceful shutdown) before the supervisor drains. The stop is synchronous: the context waits for it
 * rather than moving on after {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
public class SupervisorLifecycle implements SmartLifecycle {
    /** Stops after the web server (whose phases are {@code DEFAULT_PHASE - 1024} and {@code - 2048}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Supervisor supervisor;
    private final CronScheduler cron;
    private final Duration deadline;
    private volatile boolean running;

    /**
     * @param supervisor the supervisor to drain
     * @param cron the scheduler to stop first, or null
     * @param deadline how long running attempts get to finish
     */
    public SupervisorLifecycle(Supervisor supervisor, CronScheduler cron, Duration deadline) {
        this.supervisor = Objects.requireNonNull(supervisor, "supervisor");
        this.cron = cron;
        this.deadline = Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (cron != null) {
            cron.close();
        }
        supervisor.shutdown(deadline);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
