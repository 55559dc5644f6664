package dev.supervisor.examples.slack;

import dev.supervisor.api.event.SupervisorEvent;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message template per event type, with {@code {field}} placeholders for the event's fields ({@code runId},
 * {@code workflowId}, {@code taskId}, {@code status}, {@code error}, {@code duration}, ...). Values are escaped for
 * Slack; durations are written {@code 850 ms} or {@code 2.5 s}; an unknown placeholder is left as written.
 */
final class MessageTemplates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    static final Map<String, String> DEFAULTS = Map.of(
            "RunFinished", "Run {runId} of *{workflowId}* finished {status} in {duration}: {succeeded} succeeded,"
                    + " {failed} failed",
            "RunStarted", "Run {runId} of *{workflowId}* started ({taskCount} tasks)",
            "TaskFailed", "Task *{taskId}* of {workflowId} (run {runId}) {state} after attempt {attempt}: {error}",
            "TaskRetrying", "Task *{taskId}* of {workflowId} (run {runId}) failed attempt {attempt}; next in {delay}:"
                    + " {error}",
            "TaskSucceeded", "Task *{taskId}* of {workflowId} (run {runId}) succeeded in {duration}",
            "TaskSkipped", "Task *{taskId}* of {workflowId} (run {runId}) skipped: {reason}",
            "TaskCancelled", "Task *{taskId}* of {workflowId} (run {runId}) cancelled",
            "TaskStarted", "Task *{taskId}* of {workflowId} (run {runId}) started attempt {attempt}");

    private final Map<String, String> templates;
    private final Set<String> events;

    /**
     * @param settings {@code events} (comma-separated event types, default {@code RunFinished,TaskFailed}) and
     *        {@code template.<EventType>} overrides
     */
    MessageTemplates(Map<String, String> settings) {
        Map<String, String> t = new HashMap<>(DEFAULTS);
        settings.forEach((k, v) -> {
            if (k.startsWith("template.")) {
                t.put(k.substring("template.".length()), v);
            }
        });
        this.templates = Map.copyOf(t);
        this.events = Set.of(settings.getOrDefault("events", "RunFinished,TaskFailed").split("\\s*,\\s*"));
    }

    boolean wants(SupervisorEvent e) {
        return events.contains(e.getClass().getSimpleName());
    }

    String render(SupervisorEvent e) {
        String template = templates.getOrDefault(e.getClass().getSimpleName(), e.getClass().getSimpleName()
                + " of run {runId}");
        Map<String, String> values = new HashMap<>();
        for (RecordComponent c : e.getClass().getRecordComponents()) {
            try {
                values.put(c.getName(), format(c.getAccessor().invoke(e)));
            } catch (ReflectiveOperationException ex) {
                values.put(c.getName(), "?");
            }
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : SlackMessages.escape(v)));
        }
        return m.appendTail(sb).toString();
    }

    static String format(Object value) {
        if (value instanceof Duration d) {
            long ms = d.toMillis();
            return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        return String.valueOf(value);
    }
}
