package dev.supervisor.examples;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunOutcome;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.TaskOutcome;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskCancelled;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskProviderAttempt;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSkipped;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.provider.Provider;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.provider.CostSummary;
import dev.supervisor.core.provider.ProviderRouter;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prints a live progress line (bar, tasks done, ETA from {@link RunHandle#progress()}) for every lifecycle event
 * and on every {@link #tick()}, then a summary table, the critical path and the spending of every provider. A task
 * routed to providers gets a line per provider call ({@link TaskProviderAttempt}: the first call, then each
 * failover) and its success names the provider that did the work and what it cost. Events arrive on the bus's
 * asynchronous delivery thread, in order, so the reporter can ask the run for its progress without holding up the
 * engine.
 */
public final class ConsoleReporter {
    private static final int BAR_WIDTH = 20;
    /** The provider named by events of tasks whose handler did the work itself. */
    private static final String LOCAL = "local";

    private final PrintStream out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private RunHandle followed;
    private long startNanos;
    private int total;
    private int done;
    private final Map<String, TaskSucceeded> succeeded = new HashMap<>();

    /**
     * @param out where to print
     */
    public ConsoleReporter(PrintStream out) {
        this.out = out;
    }

    void header(WorkflowSpec wf, Path workspace, List<String> providers) {
        out.println("== " + wf.name() + " (" + wf.tasks().size() + " tasks) ==");
        out.println("workspace: " + workspace);
        out.println("providers:");
        providers.forEach(p -> out.println("  " + p));
        out.println();
    }

    synchronized void attach(Supervisor supervisor, int taskCount) {
        this.total = taskCount;
        this.startNanos = System.nanoTime();
        supervisor.events().subscribeAsync(SupervisorEvent.class, this::onEvent);
    }

    synchronized void follow(RunHandle run) {
        this.followed = run;
    }

    private synchronized void onEvent(SupervisorEvent e) {
        String what;
        if (e instanceof TaskStarted s) {
            what = "started   " + s.taskId() + (s.attempt() > 1 ? " (attempt " + s.attempt() + ")" : "");
        } else if (e instanceof TaskProviderAttempt a) {
            what = (a.call() == 1 ? "call      " : "failover  ") + a.taskId() + " -> " + a.provider() + ": "
                    + a.outcome() + (a.reason() == null ? " in " + ms(a.duration()) : " (" + a.reason() + ")");
        } else if (e instanceof TaskSucceeded s) {
            succeeded.put(s.taskId(), s);
            what = finish("succeeded " + s.taskId() + " in " + ms(s.duration()) + (LOCAL.equals(s.provider()) ? ""
                    : " on " + s.provider() + ", cost " + amount(s.cost())));
        } else if (e instanceof TaskRetrying r) {
            what = "retrying  " + r.taskId() + " after " + ms(r.delay()) + ": " + r.error();
        } else if (e instanceof TaskFailed f) {
            what = finish("FAILED    " + f.taskId() + " (" + f.state() + "): " + f.error());
        } else if (e instanceof TaskSkipped s) {
            what = finish("skipped   " + s.taskId() + ": " + s.reason());
        } else if (e instanceof TaskCancelled c) {
            what = finish("cancelled " + c.taskId());
        } else if (e instanceof RunFinished f) {
            what = "run " + f.status() + " in " + ms(f.duration());
        } else {
            what = "run started";
        }
        line(what);
        if (e instanceof RunFinished) {
            finished.countDown();
        }
    }

    private String finish(String what) {
        done++;
        return what;
    }

    /**
     * Prints a progress line naming the tasks running now (or, when none is, those waiting to retry), as the run
     * reports them; does nothing when no run is followed or it has ended.
     */
    public synchronized void tick() {
        if (followed == null || followed.status().isTerminal()) {
            return;
        }
        RunProgress p = followed.progress();
        Map<String, TaskState> states = followed.taskStates();
        List<String> running = tasksIn(states, TaskState.RUNNING);
        List<String> waiting = tasksIn(states, TaskState.RETRY_WAIT);
        if (!running.isEmpty()) {
            print(p.done(), p.total(), p.eta(), "running   " + String.join(", ", running));
        } else if (!waiting.isEmpty()) {
            print(p.done(), p.total(), p.eta(), "waiting   " + String.join(", ", waiting) + " (retry back-off)");
        }
    }

    private static List<String> tasksIn(Map<String, TaskState> states, TaskState state) {
        return states.entrySet().stream().filter(t -> t.getValue() == state).map(Map.Entry::getKey).toList();
    }

    private void line(String what) {
        // Events of the first moments can arrive before submit has returned the handle: no ETA for those yet.
        print(done, total, followed == null ? Optional.empty() : followed.progress().eta(), what);
    }

    private void print(int done, int total, Optional<Duration> eta, String what) {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        String bar = "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled);
        String etaText = eta.map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).orElse("?");
        out.printf("[%6d ms] [%s] %d/%d  ETA %-8s %s%n", (System.nanoTime() - startNanos) / 1_000_000, bar, done,
                total, etaText, what);
    }

    /**
     * Prints the summary once the reporter has printed the run's last event: each task with the provider that ran it
     * and its cost, the critical path, then each provider's calls, tokens, cost and circuit from the router.
     *
     * @param outcome the run's outcome
     * @param router the router of the run's agent steps
     */
    void summary(RunOutcome outcome, ProviderRouter router) {
        try {
            // Events reach the reporter on the bus's delivery thread, a moment after the outcome completes.
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            out.println();
            out.printf("%-16s %-10s %8s %10s  %-12s %10s%n", "TASK", "STATE", "ATTEMPTS", "DURATION", "PROVIDER",
                    "COST");
            for (TaskOutcome t : outcome.tasks().values()) {
                TaskSucceeded s = succeeded.get(t.taskId());
                out.printf("%-16s %-10s %8d %10s  %-12s %10s%n", t.taskId(), t.state(), t.attempts(),
                        t.duration().map(ConsoleReporter::ms).orElse("-"), s == null ? "-" : s.provider(),
                        s == null || LOCAL.equals(s.provider()) ? "-" : amount(s.cost()));
            }
            out.println();
            out.println("critical path (actual): " + String.join(" -> ", outcome.criticalPath()));
            out.println();
            out.printf("%-12s %6s %11s %11s %14s  %s%n", "PROVIDER", "CALLS", "TOKENS IN", "TOKENS OUT", "COST",
                    "CIRCUIT");
            for (Provider p : router.providers()) {
                costs(p.id(), router.costs().provider(p.id()), router.status(p.id()).circuit().name());
            }
            costs("total", router.costs().total(), "");
            out.println();
            out.println("run " + outcome.status() + " in " + ms(outcome.duration()));
            Object report = outcome.task("report").output();
            if (report != null) {
                out.println("report: " + report);
            }
        }
    }

    private void costs(String who, CostSummary c, String circuit) {
        out.println(String.format("%-12s %6d %11d %11d %14s  %s", who, c.calls(), c.tokens().input(),
                c.tokens().output(), amount(c.cost().amount()) + " " + c.cost().currency().getCurrencyCode(), circuit)
                .stripTrailing());
    }

    private static String amount(double cost) {
        return amount(BigDecimal.valueOf(cost));
    }

    /** Costs here are fractions of a cent: six decimals, whatever the scale the provider reported. */
    private static String amount(BigDecimal cost) {
        return cost.setScale(6, RoundingMode.HALF_UP).toPlainString();
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
