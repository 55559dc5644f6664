package dev.supervisor.core.json;

import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskCancelled;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskProviderAttempt;
import dev.supervisor.api.event.TaskRetrying;
import dev.supervisor.api.event.TaskSkipped;
import dev.supervisor.api.event.TaskStarted;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes events as the JSON {@link EventJson} documents, field by field in record-component order, into a
 * {@link StringBuilder}. A cluster node writes two events per task it runs; done through reflection and a JSON
 * generator, that one method was the largest compilation of a fresh node's JIT (tens of kilobytes of machine code,
 * seconds of compiler time on a busy machine) and slow until it was compiled. {@code EventTextTest} holds the text
 * to what a reflective Jackson writer produces for every event type, and the field names to the record components,
 * so a component added to an event without a line here fails the build.
 */
final class EventText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private EventText() {
    }

    static void write(StringBuilder b, SupervisorEvent event, char[] buf) {
        b.append("{\"type\":\"").append(event.getClass().getSimpleName()).append('"');
        if (event instanceof TaskEvent t) {
            string(b, "runId", t.runId());
            string(b, "workflowId", t.workflowId());
            string(b, "taskId", t.taskId());
            string(b, "taskType", t.taskType());
            number(b, "attempt", t.attempt());
            string(b, "provider", t.provider());
            instant(b, "timestamp", t.timestamp(), buf);
            taskFields(b, t);
        } else if (event instanceof RunStarted r) {
            run(b, r.runId(), r.workflowId(), r.timestamp(), buf);
            number(b, "taskCount", r.taskCount());
        } else if (event instanceof RunFinished r) {
            run(b, r.runId(), r.workflowId(), r.timestamp(), buf);
            name(b, "status", r.status());
            duration(b, "duration", r.duration());
            number(b, "succeeded", r.succeeded());
            number(b, "failed", r.failed());
        } else {
            throw new IllegalArgumentException("no JSON form for " + event.getClass().getName());
        }
        b.append('}');
    }

    /** The components after the seven every task event starts with. */
    private static void taskFields(StringBuilder b, TaskEvent t) {
        if (t instanceof TaskStarted e) {
            duration(b, "queueWait", e.queueWait());
        } else if (t instanceof TaskSucceeded e) {
            duration(b, "duration", e.duration());
            number(b, "cost", e.cost());
        } else if (t instanceof TaskFailed e) {
            name(b, "state", e.state());
            duration(b, "duration", e.duration());
            string(b, "error", e.error());
            number(b, "cost", e.cost());
        } else if (t instanceof TaskRetrying e) {
            string(b, "error", e.error());
            duration(b, "delay", e.delay());
        } else if (t instanceof TaskSkipped e) {
            string(b, "reason", e.reason());
        } else if (t instanceof TaskProviderAttempt e) {
            number(b, "call", e.call());
            string(b, "outcome", e.outcome());
            string(b, "reason", e.reason());
            duration(b, "duration", e.duration());
        } else if (!(t instanceof TaskCancelled)) {
            throw new IllegalArgumentException("no JSON form for " + t.getClass().getName());
        }
    }

    private static void run(StringBuilder b, String runId, String workflowId, Instant at, char[] buf) {
        string(b, "runId", runId);
        string(b, "workflowId", workflowId);
        instant(b, "timestamp", at, buf);
    }

    private static void key(StringBuilder b, String name) {
        b.append(",\"").append(name).append("\":");
    }

    private static void string(StringBuilder b, String name, String value) {
        key(b, name);
        quoted(b, value);
    }

    private static void number(StringBuilder b, String name, int value) {
        key(b, name);
        b.append(value);
    }

    /** As Jackson writes a double: its shortest text, and the values JSON has no number for as strings. */
    private static void number(StringBuilder b, String name, double value) {
        key(b, name);
        if (Double.isFinite(value)) {
            b.append(value);
        } else {
            b.append('"').append(value).append('"');
        }
    }

    private static void name(StringBuilder b, String name, Enum<?> value) {
        key(b, name);
        if (value == null) {
            b.append("null");
        } else {
            b.append('"').append(value.name()).append('"');
        }
    }

    private static void duration(StringBuilder b, String name, Duration value) {
        key(b, name);
        if (value == null) {
            b.append("null");
        } else {
            b.append('"').append(value).append('"'); // PT…S: nothing to escape
        }
    }

    private static void instant(StringBuilder b, String name, Instant value, char[] buf) {
        key(b, name);
        if (value == null) {
            b.append("null");
        } else {
            b.append('"').append(buf, 0, InstantText.format(value, buf)).append('"');
        }
    }

    /** A JSON string escaped as Jackson escapes it: quote, backslash, and control characters. */
    private static void quoted(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        int done = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            b.append(s, done, i).append('\\');
            switch (c) {
                case '"', '\\' -> b.append(c);
                case '\n' -> b.append('n');
                case '\t' -> b.append('t');
                case '\r' -> b.append('r');
                case '\b' -> b.append('b');
                case '\f' -> b.append('f');
                default -> b.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            done = i + 1;
        }
        b.append(s, done, s.length()).append('"');
    }
}
