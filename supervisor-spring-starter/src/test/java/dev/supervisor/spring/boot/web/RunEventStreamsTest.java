package dev.supervisor.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.RunHandle;
import dev.supervisor.api.TaskSpec;
import dev.supervisor.api.TaskType;
import dev.supervisor.api.WorkflowSpec;
import dev.supervisor.core.RunStores;
import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The per-client buffer, with writes the test runs by hand: a client whose writer never gets to run stands for a
 * client that reads nothing.
 */
class RunEventStreamsTest {
    private final Queue<Runnable> writes = new ArrayDeque<>();

    /** What a client received: ids, names, and whether the stream ended. */
    static final class Recorder implements EventSink {
        final List<String> ids = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);

        @Override
        public void send(String id, String name, String data) {
            ids.add(id);
            names.add(name);
        }

        @Override
        public void complete() {
            completed.countDown();
        }
    }

    private static WorkflowSpec wide(int tasks) {
        WorkflowSpec.Builder b = WorkflowSpec.builder("wide");
        for (int i = 0; i < tasks; i++) {
            b.task(TaskSpec.builder("t" + i, TaskType.of("work")));
        }
        return b.build();
    }

    private void writeAll() {
        while (!writes.isEmpty()) {
            writes.remove().run();
        }
    }

    @Test
    void aClientThatReadsNothing_neverHoldsTheRunBack_andIsToldToReconnectWithNothingLost() throws Exception {
        try (Supervisor sup = Supervisor.create(SupervisorConfig.builder().runStore(RunStores.inMemory())
                .handler("work", ctx -> "ok").build())) {
            RunEventStreams streams = new RunEventStreams(sup, 8, writes::add);
            RunHandle run = sup.submit(wide(50));
            Recorder slow = new Recorder();
            streams.open(run.runId(), 0, slow);

            run.outcome().join(); // ~150 events: the run ends although the client has read none of them
            while (streams.overflows() == 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // the follower reaches the 9th event
            }
            writeAll();

            assertThat(slow.names).hasSize(9).endsWith(RunEventStreams.OVERFLOW);
            assertThat(slow.ids.subList(0, 8)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");
            assertThat(slow.completed.getCount()).isZero();

            Recorder resumed = new Recorder(); // a client that keeps up: writes on the follower's own thread
            RunEventStreams direct = new RunEventStreams(sup, 8, Runnable::run);
            direct.open(run.runId(), 8, resumed);
            resumed.completed.await();
            assertThat(resumed.ids.get(0)).isEqualTo("9");
            assertThat(resumed.names).last().isEqualTo("RunFinished");
            assertThat(streams.clients()).isZero();
            assertThat(direct.clients()).isZero();
        }
    }
}
