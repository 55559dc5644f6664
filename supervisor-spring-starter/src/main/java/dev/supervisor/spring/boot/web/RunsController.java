package dev.supervisor.spring.boot.web;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.RunQuery;
import dev.supervisor.api.RunStatus;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.api.spi.RunRecord;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.core.Supervisor;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs: submit a workflow document, read a run with its tasks, list runs a page at a time, cancel.
 */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/runs")
public class RunsController {
    private static final Set<String> SUBMIT_FIELDS = Set.of("workflow", "inputs");
    private final Supervisor supervisor;
    private final RunStore store;

    /**
     * @param supervisor the engine
     * @param store its run store, or null (the run detail then has fewer task details for running runs)
     */
    public RunsController(Supervisor supervisor, RunStore store) {
        this.supervisor = supervisor;
        this.store = store;
    }

    /**
     * Submits a run.
     *
     * @param body {@code {"workflow": <workflow document>, "inputs": {...}}}
     * @return 201 with the run and its location
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:execute")
    public ResponseEntity<RunModels.RunDetail> submit(@RequestBody String body) {
        RequestJson json = RequestJson.parse(body, SUBMIT_FIELDS);
        WorkflowSpec workflow = json.workflow("workflow");
        Map<String, Object> inputs = json.object("inputs");
        RunHandle run = supervisor.submit(workflow, inputs);
        return ResponseEntity.created(URI.create(SupervisorApiAutoConfiguration.BASE_PATH + "/runs/" + run.runId()))
                .body(RunModels.detail(run, null, null));
    }

    /**
     * Lists runs, newest first.
     *
     * @param status statuses to keep (comma-separated or repeated), all when absent
     * @param workflow the workflow to keep
     * @param createdFrom earliest creation time, ISO-8601 (inclusive)
     * @param createdTo end of the creation time range, ISO-8601 (exclusive)
     * @param limit page size, 1 to 1000 (default 50)
     * @param cursor the {@code next} of the previous page
     * @return the page
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public RunModels.RunList list(@RequestParam(name = "status", required = false) List<String> status,
                                  @RequestParam(name = "workflow", required = false) String workflow,
                                  @RequestParam(name = "createdFrom", required = false) String createdFrom,
                                  @RequestParam(name = "createdTo", required = false) String createdTo,
                                  @RequestParam(name = "limit", required = false) Integer limit,
                                  @RequestParam(name = "cursor", required = false) String cursor) {
        RunQuery.Builder q = RunQuery.builder();
        if (status != null && !status.isEmpty()) {
            q.statuses(statuses(status));
        }
        apply("workflow", () -> {
            if (workflow != null) {
                q.workflowId(workflow);
            }
        });
        if (createdFrom != null) {
            q.createdFrom(instant("createdFrom", createdFrom));
        }
        if (createdTo != null) {
            q.createdTo(instant("createdTo", createdTo));
        }
        apply("limit", () -> {
            if (limit != null) {
                q.limit(limit);
            }
        });
        apply("cursor", () -> {
            if (cursor != null) {
                q.cursor(cursor);
            }
        });
        RunQuery query;
        try {
            query = q.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("createdTo", e.getMessage());
        }
        try {
            return RunModels.list(supervisor.runs(query));
        } catch (UnsupportedOperationException e) {
            throw ApiException.unavailable("the run store cannot list runs: " + e.getMessage());
        }
    }

    /**
     * @param runId a run
     * @return the run with its tasks
     */
    @GetMapping(path = "/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public RunModels.RunDetail get(@PathVariable("runId") String runId) {
        return detail(handle(runId));
    }

    /**
     * Cancels a run: pending tasks are cancelled, running ones asked to stop.
     *
     * @param runId a run
     * @return the run; 409 if it had already ended
     */
    @PostMapping(path = "/{runId}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:execute")
    public RunModels.RunDetail cancel(@PathVariable("runId") String runId) {
        RunHandle run = handle(runId);
        if (!run.cancel()) {
            RunStatus now = run.status();
            if (now.isTerminal()) {
                throw ApiException.conflict("run " + runId + " already ended with status " + now);
            }
        }
        return detail(run);
    }

    private RunHandle handle(String runId) {
        return supervisor.run(runId).orElseThrow(() -> ApiException.notFound("run", runId));
    }

    private RunModels.RunDetail detail(RunHandle run) {
        if (store == null || run.outcome().isDone() && !run.outcome().isCompletedExceptionally()) {
            return RunModels.detail(run, null, null); // an ended run's outcome has every task's details
        }
        RunRecord stored = store.findRun(run.runId()).orElse(null);
        return RunModels.detail(run, stored, stored == null ? null : store.tasks(run.runId()));
    }

    private static EnumSet<RunStatus> statuses(List<String> texts) {
        EnumSet<RunStatus> out = EnumSet.noneOf(RunStatus.class);
        for (String text : texts) {
            for (String s : text.split(",")) {
                try {
                    out.add(RunStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badParameter("status", "'" + s + "' is not one of "
                            + List.of(RunStatus.values()));
                }
            }
        }
        return out;
    }

    static Instant instant(String parameter, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter(parameter, "'" + text + "' is not an ISO-8601 instant such as "
                    + "2026-01-31T12:00:00Z");
        }
    }

    private static void apply(String parameter, Runnable r) {
        try {
            r.run();
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, e.getMessage());
        }
    }
}
