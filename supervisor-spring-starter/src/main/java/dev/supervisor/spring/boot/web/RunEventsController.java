package dev.supervisor.spring.boot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supervisor.api.SupervisorException;
import dev.supervisor.api.spi.RunEventLog;
import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.StoredEvent;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.json.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A run's events, in order, with their sequence numbers: a page of them as JSON, or a live stream of Server-Sent
 * Events that replays what the client has not seen ({@code Last-Event-ID} or {@code after}) and then follows the
 * run until it ends. Needs a run store with an event log.
 */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/runs/{runId}/events")
public class RunEventsController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supervisor supervisor;
    private final RunEventLog log;
    private final RunEventStreams streams;
    private final Duration streamTimeout;

    RunEventsController(Supervisor supervisor, RunStore store, RunEventStreams streams, Duration streamTimeout) {
        this.supervisor = supervisor;
        this.log = store == null ? null : store.capability(RunEventLog.class).orElse(null);
        this.streams = streams;
        this.streamTimeout = streamTimeout;
    }

    /**
     * @param runId a run
     * @param after the last sequence number already read (0 for the start)
     * @param limit the most events, 1 to 1000
     * @return {@code {"events": [{"sequence", "node", "event": {"type", …}}], "last": n}}
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("workflows:read")
    public ResponseEntity<String> page(@PathVariable("runId") String runId,
                                       @RequestParam(name = "after", defaultValue = "0") long after,
                                       @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (after < 0) {
            throw ApiException.badParameter("after", "must not be negative but was " + after);
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.badParameter("limit", "must be between 1 and 1000 but was " + limit);
        }
        requireLog();
        requireRun(runId);
        List<StoredEvent> events = log.events(runId, after, limit);
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("events");
        long last = after;
        try {
            for (StoredEvent e : events) {
                ObjectNode n = list.addObject().put("sequence", e.sequence()).put("node", e.node());
                n.set("event", JSON.readTree(EventJson.write(e.event())));
                last = e.sequence();
            }
            body.put("last", last);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events of run " + runId + " did not serialise", e);
        }
    }

    /** One SSE event: its name, its JSON as data, and its id when it has one. */
    private static SseEmitter.SseEventBuilder sseEvent(String id, String name, String data) {
        SseEmitter.SseEventBuilder event = SseEmitter.event().name(name).data(data);
        return id == null ? event : event.id(id);
    }

    /**
     * Streams the run's events: each has the event's sequence number as its id, its type as its name and its JSON
     * as data. The stream ends after {@code RunFinished}, or with an {@code overflow} event when the client reads
     * too slowly (reconnect to go on).
     *
     * @param runId a run
     * @param lastEventId the last id the client received (sent by browsers when they reconnect)
     * @param after the same as a query parameter, for the first connection
     * @return the stream
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ApiPermission("workflows:read")
    public SseEmitter stream(@PathVariable("runId") String runId,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             @RequestParam(name = "after", required = false) Long after) {
        long from = after == null ? 0 : after;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                from = Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter("Last-Event-ID", "'" + lastEventId + "' is not an event id");
            }
        }
        if (from < 0) {
            throw ApiException.badParameter("after", "must not be negative but was " + from);
        }
        requireLog();
        requireRun(runId);
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        try {
            emitter.send(SseEmitter.event().reconnectTime(1000).comment("events of run " + runId));
        } catch (IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        AutoCloseable handle;
        try {
            handle = streams.open(runId, from, new EventSink() {
                @Override
                public void send(String id, String name, String data) throws IOException {
                    if (data == null) {
                        emitter.send(SseEmitter.event().comment("keep-alive"));
                        return;
                    }
                    emitter.send(sseEvent(id, name, data));
                }

                @Override
                public void sendAll(java.util.List<Event> events) throws IOException {
                    // One write and one flush for the lot: the items keep their order (identity, insertion order).
                    java.util.Set<org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter
                            .DataWithMediaType> items = new java.util.LinkedHashSet<>();
                    for (Event e : events) {
                        items.addAll(sseEvent(e.id(), e.name(), e.data()).build());
                    }
                    emitter.send(items);
                }

                @Override
                public void complete() {
                    emitter.complete();
                }
            });
        } catch (SupervisorException e) {
            throw ApiException.unavailable(e.getMessage());
        }
        Runnable stop = () -> {
            try {
                handle.close();
            } catch (Exception ignored) {
                // closing a stream does not fail
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        return emitter;
    }

    private void requireLog() {
        if (log == null) {
            throw ApiException.unavailable("run events need a run store that keeps an event log");
        }
    }

    private void requireRun(String runId) {
        if (supervisor.run(runId).isEmpty()) {
            throw ApiException.notFound("run", runId);
        }
    }
}
