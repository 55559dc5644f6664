package dev.supervisor.core.plugin;

import static dev.supervisor.core.plugin.PluginTesting.config;
import static dev.supervisor.core.plugin.PluginTesting.drain;
import static dev.supervisor.core.plugin.PluginTesting.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.plugin.PluginAuditRecord;
import dev.supervisor.core.plugin.probe.Probe;
import dev.supervisor.core.plugin.testplugins.AllocatingPlugin;
import dev.supervisor.core.plugin.testplugins.HangingPlugin;
import dev.supervisor.core.plugin.testplugins.RecorderPlugin;
import dev.supervisor.core.plugin.testplugins.ThrowingPlugin;
import dev.supervisor.core.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accidents contained: a plugin that hangs, one that throws on every event, one that allocates in a loop and one
 * that runs out of memory are quarantined while the host and a well-behaved plugin carry on. Time moves only when
 * the test advances the manual clock; plugin threads hand over through latches. Before time moves, every other
 * callback has ended (a callback running while the clock jumps would be timed out too).
 */
class PluginBulkheadTest {
    @TempDir
    Path dir;
    private final ManualClock clock = ManualClock.at("2026-01-01T00:00:00Z");
    private final List<PluginAuditRecord> audit = new CopyOnWriteArrayList<>();
    private final CountDownLatch failed = new CountDownLatch(1);
    private PluginHost host;

    @BeforeEach
    void reset() {
        Probe.reset();
    }

    @AfterEach
    void close() {
        Probe.latch("hanging.release").countDown(); // lets queued callbacks through, so that stop() gets its turn
        Probe.latch("slow.release").countDown();
        host.close();
    }

    private PluginHost host(String id, Class<?> pluginClass, PluginHostConfig.Builder b) {
        host = PluginHost.create(b.grant("recorder", "events").grant(id, "events").audit(audit::add).build());
        host.addListener(c -> {
            if (c.to() == PluginState.FAILED) {
                failed.countDown();
            }
        });
        host.load(PluginJars.of(dir.resolve("recorder.jar"), RecorderPlugin.class));
        host.load(PluginJars.of(dir.resolve(id + ".jar"), pluginClass));
        assertThat(host.startAll()).isEmpty();
        return host;
    }

    private void awaitFailed() throws InterruptedException {
        assertThat(failed.await(60, TimeUnit.SECONDS)).as("plugin quarantined").isTrue();
    }

    private void assertRecorderUnaffected(String... taskIds) {
        drain(host, "recorder");
        assertThat(Probe.lines("recorder")).filteredOn(l -> l.startsWith("TaskSucceeded"))
                .extracting(l -> l.split(" ")[1]).containsExactly(taskIds);
        assertThat(host.plugin("recorder").orElseThrow().state()).isEqualTo(PluginState.STARTED);
    }

    @Test
    void hangingCallback_isInterruptedAtTheTimeLimitAndItsPluginQuarantined() throws Exception {
        host("hanging", HangingPlugin.class, config(clock));
        host.events().publish(succeeded("t1")); // returns at once: the plugin blocks on its own thread
        Probe.await("hanging.entered");
        host.events().publish(succeeded("t2")); // queued behind the blocked callback
        drain(host, "recorder"); // time moves below: no callback but the blocked one may be running then

        clock.advance(Duration.ofSeconds(4));
        assertThat(host.plugin("hanging").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        clock.advance(Duration.ofSeconds(1));
        Probe.await("hanging.exited");
        host.events().publish(succeeded("t3"));

        PluginHandle hanging = host.plugin("hanging").orElseThrow();
        assertThat(hanging.state()).isEqualTo(PluginState.FAILED);
        assertThat(hanging.problem()).hasValue("quarantined: timed out after PT5S in event TaskSucceeded");
        assertThat(Probe.lines("hanging")).containsExactly("received t1", "interrupted");
        assertThat(hanging.stats().timeouts()).isEqualTo(1);
        assertThat(hanging.stats().dropped()).as("t2, failed when the queue was dropped").isEqualTo(1);
        assertThat(audit).filteredOn(r -> r.kind() == PluginAuditRecord.Kind.PLUGIN_QUARANTINED).singleElement()
                .satisfies(r -> {
                    assertThat(r.pluginId()).isEqualTo("hanging");
                    assertThat(r.owaspEvent()).isEqualTo("sys_monitor_disabled");
                });
        assertRecorderUnaffected("t1", "t2", "t3");
    }

    @Test
    void throwingOnEveryEvent_quarantinesAfterTheConfiguredRunOfFailures() throws Exception {
        host("throwing", ThrowingPlugin.class, config(clock).maxConsecutiveFailures(3));
        for (int i = 1; i <= 5; i++) {
            host.events().publish(succeeded("t" + i));
        }
        awaitFailed();
        host.events().publish(succeeded("t6"));

        PluginHandle throwing = host.plugin("throwing").orElseThrow();
        assertThat(throwing.problem()).hasValue("quarantined: failed 3 times in a row; last in event TaskSucceeded:"
                + " java.lang.IllegalStateException: cannot handle t3");
        assertThat(Probe.lines("throwing")).containsExactly("received t1", "received t2", "received t3");
        assertThat(throwing.stats().failures()).isEqualTo(3);
        assertRecorderUnaffected("t1", "t2", "t3", "t4", "t5", "t6");
    }

    @Test
    void allocatingInALoop_isStoppedAtTheTimeLimit() throws Exception {
        host("allocating", AllocatingPlugin.class, config(clock));
        host.events().publish(succeeded("t1"));
        Probe.await("allocating.entered");
        host.events().publish(succeeded("t2"));
        drain(host, "recorder");

        clock.advance(Duration.ofSeconds(5));
        Probe.await("allocating.exited");

        assertThat(host.plugin("allocating").orElseThrow().state()).isEqualTo(PluginState.FAILED);
        assertThat(Probe.lines("allocating")).containsExactly("received t1", "interrupted after allocating");
        assertRecorderUnaffected("t1", "t2");
    }

    @Test
    void outOfMemoryInAPluginCallback_quarantinesAtOnce() throws Exception {
        host("allocating", AllocatingPlugin.class, config(clock).settings("allocating", Map.of("huge", "true")));
        host.events().publish(succeeded("t1"));
        awaitFailed();

        assertThat(host.plugin("allocating").orElseThrow().problem()).hasValueSatisfying(p -> assertThat(p)
                .startsWith("quarantined: threw java.lang.OutOfMemoryError").endsWith("in event TaskSucceeded"));
        assertRecorderUnaffected("t1");
    }

    @Test
    void fullQueue_dropsWhatDoesNotFitInsteadOfBlockingThePublisher() {
        host("hanging", HangingPlugin.class, config(clock).queueCapacity(2));
        host.events().publish(succeeded("t1"));
        Probe.await("hanging.entered");
        for (int i = 2; i <= 6; i++) {
            host.events().publish(succeeded("t" + i)); // t2 and t3 wait in the queue, t4-t6 do not fit
            drain(host, "recorder"); // whose queue is as short
        }

        assertThat(host.plugin("hanging").orElseThrow().stats().dropped()).isEqualTo(3);
        assertRecorderUnaffected("t1", "t2", "t3", "t4", "t5", "t6");
    }

    @Test
    void startThatHangs_failsThePluginAtTheTimeLimit() throws Exception {
        Map.Entry<String, String> slow = PluginJars.plugin("Slow", "id = \"slow\", version = \"1.0.0\"",
                "public void start(PluginContext ctx) throws Exception {"
                        + " Probe.latch(\"slow.entered\").countDown(); Probe.latch(\"slow.release\").await(); }");
        Path jar = PluginJars.jar(dir.resolve("slow.jar"), slow.getKey(),
                PluginJars.compile(dir.resolve("slow"), Map.ofEntries(slow)));
        host = PluginHost.create(config(clock).build());
        host.load(jar);

        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> host.start("slow"));
        Probe.await("slow.entered");
        clock.advance(Duration.ofSeconds(5));

        assertThatThrownBy(starting::join).isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(PluginException.class)
                .hasMessage("plugin 'slow' failed to start: plugin 'slow' timed out after PT5S in start");
        assertThat(host.plugin("slow").orElseThrow().state()).isEqualTo(PluginState.FAILED);
    }
}
