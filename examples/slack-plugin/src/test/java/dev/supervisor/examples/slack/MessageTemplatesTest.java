package dev.supervisor.examples.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunStatus;
import dev.supervisor.api.TaskState;
import dev.supervisor.api.event.RunFinished;
import dev.supervisor.api.event.TaskFailed;
import dev.supervisor.api.event.TaskSucceeded;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplatesTest {
    private final RunFinished finished = new RunFinished("r-1", "etl", Instant.EPOCH, RunStatus.FAILED,
            Duration.ofMillis(2500), 3, 1);
    private final TaskFailed failed = new TaskFailed("r-1", "etl", "load", "sql", 2, "local", Instant.EPOCH,
            TaskState.FAILED, Duration.ofMillis(850), "duplicate key <!channel>", 0);

    @Test
    void render_defaults_fillTheEventsFieldsAndEscapeThem() {
        MessageTemplates t = new MessageTemplates(Map.of());
        assertThat(t.render(finished)).isEqualTo("Run r-1 of *etl* finished FAILED in 2.5 s: 3 succeeded, 1 failed");
        assertThat(t.render(failed)).isEqualTo("Task *load* of etl (run r-1) FAILED after attempt 2: duplicate key"
                + " &lt;!channel&gt;");
    }

    @Test
    void settings_chooseTheEventsAndOverrideTemplates() {
        MessageTemplates t = new MessageTemplates(Map.of("events", "TaskFailed, TaskSucceeded",
                "template.TaskFailed", ":x: {taskId} took {duration} ({unknown})"));
        assertThat(t.wants(failed)).isTrue();
        assertThat(t.wants(finished)).isFalse();
        assertThat(t.wants(new TaskSucceeded("r", "w", "t", "x", 1, "local", Instant.EPOCH, Duration.ZERO, 0)))
                .isTrue();
        assertThat(t.render(failed)).isEqualTo(":x: load took 850 ms ({unknown})");
    }
}
