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
    private static final String K_ATTEMPT = k("attempt");
    private static final String K_CALL = k("call");
    private static final String K_COST = k("cost");
    private static final String K_DELAY = k("delay");
    private static final String K_DURATION = k("duration");
    private static final String K_ERROR = k("error");
    private static final String K_FAILED = k("failed");
    private static final String K_OUTCOME = k("outcome");
    private static final String K_PROVIDER = k("provider");
    private static final String K_QUEUE_WAIT = k("queueWait");
    private static final String K_REASON = k("reason");
    private static final String K_RUN_ID = k("runId");
    private static final String K_STATE = k("state");
    private static final String K_STATUS = k("status");
    private static final String K_SUCCEEDED = k("succeeded");
    private static final String K_TASK_COUNT = k("taskCount");
    private static final String K_TASK_ID = k("taskId");
    private static final String K_TASK_TYPE = k("taskType");
    private static final String K_TIMESTAMP = k("timestamp");
    private static final String K_WORKFLOW_ID = k("workflowId");

    private EventText() {
    }

    static void write(StringBuilder b, SupervisorEvent event, char[] buf) {
        b.append("{\"type\":\"").append(event.getClass().getSimpleName()).append('"');
        if (event instanceof TaskEvent t) {
            string(b, K_RUN_ID, t.runId());
            string(b, K_WORKFLOW_ID, t.workflowId());
            string(b, K_TASK_ID, t.taskId());
            string(b, K_TASK_TYPE, t.taskType());
            number(b, K_ATTEMPT, t.attempt());
            string(b, K_PROVIDER, t.provider());
            instant(b, K_TIMESTAMP, t.timestamp(), buf);
            taskFields(b, t);
        } else if (event instanceof RunStarted r) {
            run(b, r.runId(), r.workflowId(), r.timestamp(), buf);
            number(b, K_TASK_COUNT, r.taskCount());
        } else if (event instanceof RunFinished r) {
            run(b, r.runId(), r.workflowId(), r.timestamp(), buf);
            name(b, K_STATUS, r.status());
            duration(b, K_DURATION, r.duration());
            number(b, K_SUCCEEDED, r.succeeded());
            number(b, K_FAILED, r.failed());
        } else {
            throw new IllegalArgumentException("no JSON form for " + event.getClass().getName());
        }
        b.append('}');
    }

    /** The components after the seven every task event starts with. */
    private static void taskFields(StringBuilder b, TaskEvent t) {
        if (t instanceof TaskStarted e) {
            duration(b, K_QUEUE_WAIT, e.queueWait());
        } else if (t instanceof TaskSucceeded e) {
            duration(b, K_DURATION, e.duration());
            number(b, K_COST, e.cost());
        } else if (t instanceof TaskFailed e) {
            name(b, K_STATE, e.state());
            duration(b, K_DURATION, e.duration());
            string(b, K_ERROR, e.error());
            number(b, K_COST, e.cost());
        } else if (t instanceof TaskRetrying e) {
            string(b, K_ERROR, e.error());
            duration(b, K_DELAY, e.delay());
        } else if (t instanceof TaskSkipped e) {
            string(b, K_REASON, e.reason());
        } else if (t instanceof TaskProviderAttempt e) {
            number(b, K_CALL, e.call());
            string(b, K_OUTCOME, e.outcome());
            string(b, K_REASON, e.reason());
            duration(b, K_DURATION, e.duration());
        } else if (!(t instanceof TaskCancelled)) {
            throw new IllegalArgumentException("no JSON form for " + t.getClass().getName());
        }
    }

    private static void run(StringBuilder b, String runId, String workflowId, Instant at, char[] buf) {
        string(b, K_RUN_ID, runId);
        string(b, K_WORKFLOW_ID, workflowId);
        instant(b, K_TIMESTAMP, at, buf);
    }

    /** The separator, quoted name and colon before a field: one append each. */
    private static String k(String name) {
        return ",\"" + name + "\":";
    }

    private static void string(StringBuilder b, String key, String value) {
        b.append(key);
        quoted(b, value);
    }

    private static void number(StringBuilder b, String key, int value) {
        b.append(key);
        b.append(value);
    }

    /** As Jackson writes a double: its shortest text, and the values JSON has no number for as strings. */
    private static void number(StringBuilder b, String key, double value) {
        b.append(key);
        long whole = (long) value;
        if (whole == value && Math.abs(whole) < 10_000_000 && (whole != 0 || 1 / value > 0)) {
            b.append(whole).append(".0"); // what Double.toString gives, without its general algorithm
        } else if (Double.isFinite(value)) {
            b.append(value);
        } else {
            b.append('"').append(value).append('"');
        }
    }

    private static void name(StringBuilder b, String key, Enum<?> value) {
        b.append(key);
        if (value == null) {
            b.append("null");
        } else {
            b.append('"').append(value.name()).append('"');
        }
    }

    private static void duration(StringBuilder b, String key, Duration value) {
        b.append(key);
        if (value == null) {
            b.append("null");
        } else {
            b.append('"');
            durationText(b, value);
            b.append('"');
        }
    }

    /** {@link Duration#toString()}'s text, appended without building a string of its own. */
    static void durationText(StringBuilder b, Duration d) {
        long seconds = d.getSeconds();
        int nanos = d.getNano();
        if (seconds == 0 && nanos == 0) {
            b.append("PT0S");
            return;
        }
        long total = seconds < 0 && nanos > 0 ? seconds + 1 : seconds;
        long hours = total / 3600;
        int minutes = (int) ((total % 3600) / 60);
        int secs = (int) (total % 60);
        int start = b.length();
        b.append("PT");
        if (hours != 0) {
            b.append(hours).append('H');
        }
        if (minutes != 0) {
            b.append(minutes).append('M');
        }
        if (secs == 0 && nanos == 0 && b.length() - start > 2) {
            return;
        }
        if (seconds < 0 && nanos > 0 && secs == 0) {
            b.append("-0");
        } else {
            b.append(secs);
        }
        if (nanos > 0) {
            int dot = b.length();
            b.append(seconds < 0 ? 2_000_000_000L - nanos : nanos + 1_000_000_000L);
            while (b.charAt(b.length() - 1) == '0') {
                b.setLength(b.length() - 1);
            }
            b.setCharAt(dot, '.');
        }
        b.append('S');
    }

    private static void instant(StringBuilder b, String key, Instant value, char[] buf) {
        b.append(key);
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
