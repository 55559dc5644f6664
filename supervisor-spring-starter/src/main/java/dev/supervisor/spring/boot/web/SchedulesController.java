package dev.supervisor.spring.boot.web;

import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.cron.CronDialect;
import dev.supervisor.core.cron.CronParseException;
import dev.supervisor.core.cron.CronSchedule;
import dev.supervisor.core.cron.CronScheduler;
import dev.supervisor.core.cron.OverlapPolicy;
import dev.supervisor.core.cron.ScheduleSpec;
import dev.supervisor.core.cron.ScheduleTarget;
import dev.supervisor.core.cron.ScheduledFire;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules of the {@link CronScheduler} bean: list and read them, define one that runs a workflow document, replace
 * or delete it, pause, resume, fire now, and preview the next fires with what daylight saving does to them.
 * Definitions made here live as long as the application (a store keeps their fire state, not their definition).
 */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/schedules")
public class SchedulesController {
    private static final Set<String> FIELDS = Set.of("id", "cron", "dialect", "zone", "workflow", "inputs",
            "overlapPolicy");
    private final Supervisor supervisor;
    private final ObjectProvider<CronScheduler> schedulers;
    private final Map<String, Defined> defined = new ConcurrentHashMap<>();

    private record Defined(ScheduleModels.Definition view, CronSchedule schedule) {
    }

    /**
     * @param supervisor the engine fires submit to
     * @param schedulers the cron scheduler bean, if any
     */
    public SchedulesController(Supervisor supervisor, ObjectProvider<CronScheduler> schedulers) {
        this.supervisor = supervisor;
        this.schedulers = schedulers;
    }

    /** @return every schedule, in id order */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public List<ScheduleModels.ScheduleView> list() {
        return cron().schedules().stream().map(i -> ScheduleModels.view(i, definition(i.id()))).toList();
    }

    /** @param id a schedule @return its state */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public ScheduleModels.ScheduleView get(@PathVariable("id") String id) {
        return view(id);
    }

    /**
     * @param body {@code {"id", "cron", "dialect", "zone", "workflow", "inputs", "overlapPolicy"}}
     * @return 201 with the schedule; 409 if the id is taken
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:create")
    public ResponseEntity<ScheduleModels.ScheduleView> create(@RequestBody String body) {
        RequestJson json = RequestJson.parse(body, FIELDS);
        String id = json.text("id", true);
        ScheduleSpec spec = spec(id, json);
        CronScheduler cron = cron();
        if (cron.info(id).isPresent()) {
            throw ApiException.conflict("schedule '" + id + "' already exists");
        }
        add(cron, spec, json);
        return ResponseEntity.created(URI.create(SupervisorApiAutoConfiguration.BASE_PATH + "/schedules/" + id))
                .body(view(id));
    }

    /**
     * @param id the schedule
     * @param body as for create, without the id
     * @return the schedule, replaced (201 if it did not exist)
     */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:update")
    public ResponseEntity<ScheduleModels.ScheduleView> replace(@PathVariable("id") String id,
                                                               @RequestBody String body) {
        RequestJson json = RequestJson.parse(body, FIELDS);
        String named = json.text("id", false);
        if (named != null && !named.equals(id)) {
            throw json.problem("id", "is '" + named + "' but the path names '" + id + "'");
        }
        ScheduleSpec spec = spec(id, json); // checked in full before the old one goes
        CronScheduler cron = cron();
        boolean existed = cron.remove(id);
        add(cron, spec, json);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED).body(view(id));
    }

    /** @param id a schedule @return 204; 404 if unknown */
    @DeleteMapping(path = "/{id}")
    @ApiPermission("workflows:delete")
    public ResponseEntity<Void> delete(@PathVariable("id") String id) {
        if (!cron().remove(id)) {
            throw ApiException.notFound("schedule", id);
        }
        defined.remove(id);
        return ResponseEntity.noContent().build();
    }

    /** @param id a schedule @return its state, paused */
    @PostMapping(path = "/{id}/pause", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:update")
    public ScheduleModels.ScheduleView pause(@PathVariable("id") String id) {
        known(id, () -> cron().pause(id));
        return view(id);
    }

    /** @param id a schedule @return its state, firing again from now */
    @PostMapping(path = "/{id}/resume", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:update")
    public ScheduleModels.ScheduleView resume(@PathVariable("id") String id) {
        known(id, () -> cron().resume(id));
        return view(id);
    }

    /** @param id a schedule @return 202 with the fire started now */
    @PostMapping(path = "/{id}/trigger", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:execute")
    public ResponseEntity<ScheduleModels.Triggered> trigger(@PathVariable("id") String id) {
        ScheduledFire[] fire = new ScheduledFire[1];
        known(id, () -> fire[0] = cron().trigger(id));
        return ResponseEntity.accepted().body(new ScheduleModels.Triggered(id, fire[0].scheduledAt(),
                fire[0].firedAt()));
    }

    /**
     * @param id a schedule
     * @param count how many fires, 1 to 100
     * @return the next fires; for schedules defined here with the wall-clock time and daylight-saving adjustment
     */
    @GetMapping(path = "/{id}/preview", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public ScheduleModels.Preview preview(@PathVariable("id") String id,
                                          @RequestParam(name = "count", defaultValue = "10") int count) {
        if (count < 1 || count > 100) {
            throw ApiException.badParameter("count", "must be between 1 and 100 but was " + count);
        }
        view(id);
        Defined d = defined.get(id);
        if (d != null) {
            return new ScheduleModels.Preview(id, d.schedule.preview(Instant.now(), count).stream()
                    .map(ScheduleModels::fire).toList());
        }
        return new ScheduleModels.Preview(id, cron().preview(id, count).stream()
                .map(t -> new ScheduleModels.Fire(t, null, null)).toList());
    }

    private ScheduleSpec spec(String id, RequestJson json) {
        String text = json.text("cron", true);
        String dialectText = json.text("dialect", false);
        String zoneText = json.text("zone", false);
        CronDialect dialect;
        try {
            dialect = dialectText == null ? CronDialect.QUARTZ
                    : CronDialect.valueOf(dialectText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw json.problem("dialect", "'" + dialectText + "' is not one of " + List.of(CronDialect.values()));
        }
        ZoneId zone;
        try {
            zone = zoneText == null ? ZoneId.of("UTC") : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw json.problem("zone", "'" + zoneText + "' is not a time zone id such as Europe/Berlin");
        }
        CronSchedule schedule;
        try {
            schedule = CronSchedule.of(text, dialect, zone);
        } catch (CronParseException e) {
            ApiException base = json.problem("cron", e.getMessage());
            Map<String, Object> props = new HashMap<>(base.properties());
            props.put("cronField", e.field());
            props.put("cronPosition", e.position());
            throw new ApiException(base.status(), base.type(), base.getMessage(), props);
        }
        WorkflowSpec workflow = json.workflow("workflow");
        Map<String, Object> inputs = json.object("inputs");
        String overlapText = json.text("overlapPolicy", false);
        OverlapPolicy overlap;
        try {
            overlap = overlapText == null ? OverlapPolicy.SKIP
                    : OverlapPolicy.valueOf(overlapText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw json.problem("overlapPolicy", "'" + overlapText + "' is not one of "
                    + List.of(OverlapPolicy.values()));
        }
        try {
            return ScheduleSpec.builder(id, schedule, ScheduleTarget.workflow(supervisor, workflow, fire -> {
                Map<String, Object> in = new HashMap<>(inputs);
                in.put("scheduledAt", fire.scheduledAt().toString());
                in.put("scheduleId", fire.scheduleId());
                return in;
            })).overlapPolicy(overlap).build();
        } catch (IllegalArgumentException e) {
            throw json.problem("id", e.getMessage());
        }
    }

    private void add(CronScheduler cron, ScheduleSpec spec, RequestJson json) {
        CronSchedule s = spec.schedule();
        WorkflowSpec wf = json.workflow("workflow");
        defined.put(spec.id(), new Defined(new ScheduleModels.Definition(s.expression().text(),
                s.expression().dialect().name(), s.zone().getId(), wf.id(), spec.overlapPolicy().name(),
                json.object("inputs")), s));
        try {
            cron.add(spec);
        } catch (IllegalArgumentException e) {
            defined.remove(spec.id());
            throw ApiException.conflict(e.getMessage());
        }
    }

    private ScheduleModels.ScheduleView view(String id) {
        return cron().info(id).map(i -> ScheduleModels.view(i, definition(id)))
                .orElseThrow(() -> ApiException.notFound("schedule", id));
    }

    private ScheduleModels.Definition definition(String id) {
        Defined d = defined.get(id);
        return d == null ? null : d.view;
    }

    private static void known(String id, Runnable action) {
        try {
            action.run();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound("schedule", id);
        }
    }

    private CronScheduler cron() {
        CronScheduler c = schedulers.getIfUnique();
        if (c == null) {
            throw ApiException.unavailable("schedules need a CronScheduler bean");
        }
        return c;
    }
}
