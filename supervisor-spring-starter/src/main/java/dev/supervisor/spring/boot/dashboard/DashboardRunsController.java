package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunProgress;
import dev.supervisor.api.RunQuery;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.auth.rbac.Permission;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.graph.TaskGraph;
import dev.supervisor.core.graph.TaskTiming;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Actions;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Caller;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Features;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Node;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Overview;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Progress;
import dev.supervisor.spring.boot.dashboard.DashboardModels.Retried;
import dev.supervisor.spring.boot.dashboard.DashboardModels.RunGraph;
import dev.supervisor.spring.boot.dashboard.DashboardModels.RunRow;
import dev.supervisor.spring.boot.web.ApiAccess;
import dev.supervisor.spring.boot.web.ApiCaller;
import dev.supervisor.spring.boot.web.ApiException;
import dev.supervisor.spring.boot.web.ApiPermission;
import dev.supervisor.spring.boot.web.SupervisorApiAutoConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's reads and actions on runs that the REST API lacks: an overview of running, recent and failed
 * runs with progress (one request per refresh), a run's graph laid out on its topological levels with the
 * critical path, and retrying a run (a new run of the same workflow with the same inputs).
 */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/runs")
public class DashboardRunsController {
    /** The permissions the dashboard asks about, to offer only the buttons that work. */
    static final List<String> ASKED = List.of("workflows:execute", "workflows:update", "analytics:read",
            "providers:read", "system:admin");
    private static final Permission EXECUTE = Permission.parse("workflows:execute");
    private final Supervisor supervisor;
    private final RunStore store;
    private final ApiAccess access;
    private final Supplier<Features> features;

    /**
     * @param supervisor the engine
     * @param store its run store, or null (runs cannot be retried without one: it keeps their inputs)
     * @param access who calls and what they may do
     * @param features what the application has (asked on each overview)
     */
    public DashboardRunsController(Supervisor supervisor, RunStore store, ApiAccess access,
                                   Supplier<Features> features) {
        this.supervisor = supervisor;
        this.store = store;
        this.access = access;
        this.features = features;
    }

    /**
     * @param limit the most runs of each list, 1 to 200 (default 20)
     * @param request the request (for the caller)
     * @return the caller, the application's features, pending and running runs with their progress, recent runs
     *         and failed runs
     */
    @GetMapping(path = "/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public Overview overview(@RequestParam(name = "limit", defaultValue = "20") int limit,
                             HttpServletRequest request) {
        if (limit < 1 || limit > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-parameter", "limit: must be between 1 and 200 but was "
                    + limit, Map.of("parameter", "limit"));
        }
        return new Overview(caller(request), features.get(),
                rows(EnumSet.of(RunStatus.PENDING, RunStatus.RUNNING), limit, true), rows(null, limit, false),
                rows(EnumSet.of(RunStatus.FAILED), limit, false));
    }

    /**
     * @param runId a run
     * @param request the request (for the caller's actions)
     * @return its workflow as a layered graph with the critical path, and what the caller may do
     */
    @GetMapping(path = "/{runId}/graph", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public RunGraph graph(@PathVariable("runId") String runId, HttpServletRequest request) {
        RunHandle run = handle(runId);
        GraphLayout layout = GraphLayout.of(run.workflow());
        TaskGraph g = layout.graph;
        List<Node> nodes = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) {
            TaskTiming t = layout.timing(i);
            nodes.add(new Node(g.id(i), g.task(i).type().name(), layout.level[i], layout.row[i], t.isCritical(),
                    t.duration().toMillis()));
        }
        List<int[]> edges = new ArrayList<>(g.edgeCount());
        int[] succ = g.successorArray();
        for (int v = 0; v < g.size(); v++) {
            for (int e = g.successorStart(v); e < g.successorEnd(v); e++) {
                edges.add(new int[] {v, succ[e]});
            }
        }
        boolean execute = may(request, EXECUTE);
        boolean ended = run.status().isTerminal();
        return new RunGraph(run.runId(), run.workflow().id(), layout.columns.length,
                layout.analysis.maxWidth(), nodes, edges, layout.analysis.criticalPath(),
                layout.analysis.criticalPathDuration().toMillis(),
                new Actions(execute && !ended, execute && ended && store != null));
    }

    /**
     * Starts the run's workflow again with the same inputs.
     *
     * @param runId a run that ended
     * @return 201 with the new run; 409 while the run is active, 501 without a run store
     */
    @PostMapping(path = "/{runId}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:execute")
    public ResponseEntity<Retried> retry(@PathVariable("runId") String runId) {
        RunHandle run = handle(runId);
        if (!run.status().isTerminal()) {
            throw new ApiException(HttpStatus.CONFLICT, "conflict", "run " + runId + " is still " + run.status()
                    + "; cancel it or wait for its end before retrying", Map.of());
        }
        if (store == null) {
            throw new ApiException(HttpStatus.NOT_IMPLEMENTED, "not-configured",
                    "retrying a run needs a run store, which keeps the run's inputs", Map.of());
        }
        RunRecord stored = store.findRun(runId).orElseThrow(() -> notFound(runId));
        RunHandle again = supervisor.submit(run.workflow(), stored.inputs());
        return ResponseEntity.created(URI.create(SupervisorApiAutoConfiguration.BASE_PATH + "/runs/" + again.runId()))
                .body(new Retried(again.runId(), runId));
    }

    /** @param statuses the statuses to keep, null for all */
    private List<RunRow> rows(Set<RunStatus> statuses, int limit, boolean withProgress) {
        List<RunRecord> found;
        try {
            RunQuery.Builder q = RunQuery.builder().limit(limit);
            if (statuses != null) {
                q.statuses(statuses);
            }
            found = supervisor.runs(q.build()).runs();
        } catch (UnsupportedOperationException e) {
            throw new ApiException(HttpStatus.NOT_IMPLEMENTED, "not-configured",
                    "the run store cannot list runs: " + e.getMessage(), Map.of());
        }
        List<RunRow> rows = new ArrayList<>(found.size());
        for (RunRecord r : found) {
            Progress progress = null;
            if (withProgress) {
                RunProgress p = supervisor.run(r.runId()).map(RunHandle::progress).orElse(null);
                progress = p == null ? null : new Progress(p.total(), p.done(), p.running(), p.failed(),
                        p.eta().map(d -> d.toMillis()).orElse(null));
            }
            rows.add(new RunRow(r.runId(), r.workflowId(), r.status(), r.createdAt(), r.finishedAt(), progress));
        }
        return rows;
    }

    private Caller caller(HttpServletRequest request) {
        ApiCaller caller = access.caller(request).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "unauthenticated", "authentication is required", Map.of()));
        Map<String, Boolean> held = new LinkedHashMap<>();
        for (String p : ASKED) {
            held.put(p, access.permits(caller, Permission.parse(p)));
        }
        return new Caller(caller.id(), held);
    }

    private boolean may(HttpServletRequest request, Permission permission) {
        return access.caller(request).map(c -> access.permits(c, permission)).orElse(false);
    }

    private RunHandle handle(String runId) {
        return supervisor.run(runId).orElseThrow(() -> notFound(runId));
    }

    private static ApiException notFound(String runId) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "no run '" + runId + "'", Map.of("runId", runId));
    }
}
