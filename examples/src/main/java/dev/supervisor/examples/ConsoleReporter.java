package dev.supervisor.examples;

import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskCancelled;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSkipped;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.core.Supervisor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints a live progress line for every lifecycle event, then a summary table and the critical path.
 */
public final class ConsoleReporter {
    private final PrintStream out;
    private final AtomicInteger done = new AtomicInteger();
    private long startNanos;
    private int total;

    /**
     * @param out where to print
     */
    public ConsoleReporter(PrintStream out) {
        this.out = out;
    }

    void header(WorkflowSpec wf, Path workspace) {
        out.println("== " + wf.name() + " (" + wf.tasks().size() + " tasks) ==");
        out.println("workspace: " + workspace);
        out.println();
    }

    void attach(Supervisor supervisor, int taskCount) {
        this.total = taskCount;
        this.startNanos = System.nanoTime();
        supervisor.events().subscribe(SupervisorEvent.class, this::onEvent);
    }

    private synchronized void onEvent(SupervisorEvent e) {
        String what;
        if (e instanceof TaskStarted s) {
            what = "started   " + s.taskId() + (s.attempt() > 1 ? " (attempt " + s.attempt() + ")" : "");
        } else if (e instanceof TaskSucceeded s) {
            done.incrementAndGet();
            what = "succeeded " + s.taskId() + " in " + ms(s.duration());
        } else if (e instanceof TaskRetrying r) {
            what = "retrying  " + r.taskId() + " after " + ms(r.delay()) + ": " + r.error();
        } else if (e instanceof TaskFailed f) {
            done.incrementAndGet();
            what = "FAILED    " + f.taskId() + " (" + f.state() + "): " + f.error();
        } else if (e instanceof TaskSkipped s) {
            done.incrementAndGet();
            what = "skipped   " + s.taskId() + ": " + s.reason();
        } else if (e instanceof TaskCancelled c) {
            done.incrementAndGet();
            what = "cancelled " + c.taskId();
        } else if (e instanceof RunFinished f) {
            what = "run " + f.status() + " in " + ms(f.duration());
        } else {
            what = "run started";
        }
        int d = done.get();
        int width = 20;
        int filled = total == 0 ? width : d * width / total;
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        out.printf("[%6d ms] [%s] %d/%d  %s%n", (System.nanoTime() - startNanos) / 1_000_000, bar, d, total,
                what + (e instanceof TaskEvent ? "" : ""));
    }

    void summary(WorkflowSpec wf, RunOutcome outcome) {
        out.println();
        out.printf("%-16s %-10s %8s %10s%n", "TASK", "STATE", "ATTEMPTS", "DURATION");
        for (TaskOutcome t : outcome.tasks().values()) {
            out.printf("%-16s %-10s %8d %10s%n", t.taskId(), t.state(), t.attempts(),
                    t.duration().map(ConsoleReporter::ms).orElse("-"));
        }
        out.println();
        out.println("critical path (actual): " + String.join(" -> ", outcome.criticalPath()));
        out.println("run " + outcome.status() + " in " + ms(outcome.duration()));
        Object report = outcome.task("report").output();
        if (report != null) {
            out.println("report: " + report);
        }
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
