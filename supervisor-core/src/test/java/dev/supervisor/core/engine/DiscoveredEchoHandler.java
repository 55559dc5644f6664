package dev.supervisor.core.engine;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.spi.TaskContext;
import dev.supervisor.api.spi.TaskHandler;
import java.util.Set;

/** Registered in META-INF/services of the test classpath to prove ServiceLoader discovery. */
public final class DiscoveredEchoHandler implements TaskHandler {
    static final TaskType ECHO = TaskType.of("test.echo");

    @Override
    public Object execute(TaskContext context) {
        return "echo:" + context.task().config().get("text");
    }

    @Override
    public Set<TaskType> types() {
        return Set.of(ECHO);
    }
}
