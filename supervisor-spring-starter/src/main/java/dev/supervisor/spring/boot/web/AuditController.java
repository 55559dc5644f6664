package dev.supervisor.spring.boot.web;

import dev.supervisor.auth.audit.AuditRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searches the {@link AuditTrail} bean: who did what, when; for administrators only. */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/audit")
public class AuditController {
    private final ObjectProvider<AuditTrail> trails;

    /**
     * A page of audit records.
     *
     * @param records the records, oldest first (already redacted)
     * @param last the sequence number of the last record (pass it as {@code after} for the next page)
     */
    public record AuditPage(List<AuditRecord> records, long last) {
    }

    /** @param trails the audit trail bean, if any */
    public AuditController(ObjectProvider<AuditTrail> trails) {
        this.trails = trails;
    }

    /**
     * @param event an event name such as {@code authz_fail}
     * @param actor an actor
     * @param from earliest time, ISO-8601
     * @param to end of the time range, ISO-8601
     * @param after the last sequence number already read
     * @param limit the most records, 1 to 1000
     * @return the records
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("system:admin")
    public AuditPage find(@RequestParam(name = "event", required = false) String event,
                          @RequestParam(name = "actor", required = false) String actor,
                          @RequestParam(name = "from", required = false) String from,
                          @RequestParam(name = "to", required = false) String to,
                          @RequestParam(name = "after", defaultValue = "0") long after,
                          @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badParameter("limit", "must be between 1 and 1000 but was " + limit);
        }
        AuditTrail trail = trails.getIfUnique();
        if (trail == null) {
            throw ApiException.unavailable("the audit log needs an AuditTrail bean");
        }
        Instant start = from == null ? null : RunsController.instant("from", from);
        Instant end = to == null ? null : RunsController.instant("to", to);
        List<AuditRecord> found = trail.find(event, actor, start, end, after, limit);
        return new AuditPage(found, found.isEmpty() ? after : found.get(found.size() - 1).sequence());
    }
}
