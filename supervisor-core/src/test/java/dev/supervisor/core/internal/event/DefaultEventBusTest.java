package dev.supervisor.core.internal.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.supervisor.api.event.DeadEvent;
import dev.supervisor.api.event.RunStarted;
import dev.supervisor.api.event.Subscription;
import dev.supervisor.api.event.SupervisorEvent;
import dev.supervisor.api.event.TaskEvent;
import dev.supervisor.api.event.TaskSucceeded;
import dev.supervisor.api.event.TopicEvent;
import dev.supervisor.core.testing.Gc;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DefaultEventBusTest {
    private final DefaultEventBus bus = new DefaultEventBus(16, Runnable::run, 3);
    private final TaskSucceeded succeeded = new TaskSucceeded("r", "wf", "t", "work", 1, "local", Instant.EPOCH,
            Duration.ZERO, 0.0);
    private final RunStarted started = new RunStarted("r", "wf", Instant.EPOCH, 1);

    @Test
    void publish_afterSubscriptionsChange_reachesExactlyTheCurrentSubscribersOfItsTypes() {
        List<String> seen = new ArrayList<>();
        Subscription tasks = bus.subscribe(TaskEvent.class, e -> seen.add("tasks"));
        bus.publish(succeeded); // the route for TaskSucceeded is worked out here
        bus.subscribe(TaskSucceeded.class, e -> seen.add("succeeded"));
        bus.publish(succeeded);
        tasks.close();
        bus.publish(succeeded);
        bus.publish(started); // reaches nobody yet
        bus.subscribe(SupervisorEvent.class, e -> seen.add("all:" + e.getClass().getSimpleName()));
        bus.publish(started);

        assertThat(seen).containsExactly("tasks", "tasks", "succeeded", "succeeded", "all:RunStarted");
    }

    @Test
    void close_twice_isHarmless() {
        List<String> seen = new ArrayList<>();
        Subscription s = bus.subscribe(TaskSucceeded.class, e -> seen.add("x"));
        s.close();
        s.close();
        bus.publish(succeeded);
        assertThat(seen).isEmpty();
        assertThat(bus.hasSubscribers()).isFalse();
        assertThat(s.isActive()).isFalse();
    }

    /* ---- failure isolation ---- */

    @Test
    void publish_listenerThrows_othersStillReceiveAndFailuresAreCountedPerSubscriber() {
        List<String> seen = new ArrayList<>();
        Subscription bad = bus.subscribe(TaskSucceeded.class, e -> {
            throw new IllegalStateException("boom");
        });
        Subscription good = bus.subscribe(TaskSucceeded.class, e -> seen.add("good"));
        bus.publish(succeeded);
        bus.publish(succeeded);

        assertThat(seen).containsExactly("good", "good");
        assertThat(bad.failures()).isEqualTo(2);
        assertThat(good.failures()).isZero();
        assertThat(bus.listenerFailures()).isEqualTo(2);
    }

    /* ---- weak subscriptions ---- */

    /** A listener object, as a weak subscriber should be: its owner keeps it as long as it wants events. */
    static final class Counter implements Consumer<TaskSucceeded> {
        private final AtomicInteger count;

        Counter(AtomicInteger count) {
            this.count = count;
        }

        @Override
        public void accept(TaskSucceeded e) {
            count.incrementAndGet();
        }
    }

    @Test
    void subscribeWeak_listenerCollected_stopsReceivingAndLeavesTheBus() {
        AtomicInteger received = new AtomicInteger();
        Subscription sub = bus.subscribeWeak(TaskSucceeded.class, new Counter(received));
        // Nothing references the counter now; until a collection happens it may still receive.
        assertThat(Gc.until(() -> !sub.isActive())).as("weak listener collected").isTrue();
        bus.publish(succeeded);

        assertThat(received).hasValue(0);
        assertThat(bus.hasSubscribers()).as("the dead subscription removed itself").isFalse();
    }

    @Test
    void subscribeWeak_listenerStillReferenced_keepsReceivingAcrossCollections() {
        AtomicInteger received = new AtomicInteger();
        // tag::weak[]
        Counter kept = new Counter(received);   // a field of its owner, in real code: the owner decides its life
        Subscription sub = bus.subscribeWeak(TaskSucceeded.class, kept);
        // end::weak[]
        System.gc();
        bus.publish(succeeded);

        assertThat(received).hasValue(1);
        assertThat(sub.isActive()).isTrue();
        assertThat(kept).isNotNull(); // keeps the listener reachable up to here
    }

    @Test
    void subscribeWeak_lambda_logsAWarningAndObjectListenerDoesNot() {
        Logger log = (Logger) LoggerFactory.getLogger(DefaultEventBus.class);
        Level level = log.getLevel();
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        log.setLevel(Level.WARN);
        try {
            Counter counter = new Counter(new AtomicInteger());
            bus.subscribeWeak(TaskSucceeded.class, counter);
            assertThat(appender.list).isEmpty();

            bus.subscribeWeak(TaskSucceeded.class, e -> { });
            assertThat(appender.list).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).contains("weak subscription to TaskSucceeded with a lambda")
                        .contains("keep a reference");
            });
        } finally {
            log.detachAppender(appender);
            log.setLevel(level);
        }
    }

    /* ---- dead events ---- */

    @Test
    void publish_noSubscriber_isCountedAndHandedToDeadEventListeners() {
        List<DeadEvent> dead = new ArrayList<>();
        // tag::dead[]
        bus.onDeadEvent(dead::add);         // events nobody subscribed to, e.g. a misspelled topic
        // end::dead[]
        bus.subscribe(RunStarted.class, e -> { });
        bus.publish(started);
        bus.publish(succeeded);
        bus.publish(new TopicEvent("nobody/listens", "x", Instant.EPOCH));

        assertThat(bus.deadEvents()).isEqualTo(2);
        assertThat(dead).extracting(DeadEvent::event).containsExactly(succeeded,
                new TopicEvent("nobody/listens", "x", Instant.EPOCH));
    }

    /* ---- topics ---- */

    @Test
    void publishTopic_reachesOnlyThatTopicsSubscribersAndKeepsABoundedHistory() {
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        Subscription subA = bus.subscribeTopic("plugin-a/news", e -> a.add(e.payload()));
        bus.subscribeTopic("plugin-b/news", e -> b.add(e.payload()));
        for (int i = 1; i <= 5; i++) {
            bus.publish(new TopicEvent("plugin-a/news", i, Instant.EPOCH.plusSeconds(i)));
        }
        subA.close();
        bus.publish(new TopicEvent("plugin-a/news", 6, Instant.EPOCH.plusSeconds(6)));

        assertThat(a).containsExactly(1, 2, 3, 4, 5);
        assertThat(b).isEmpty();
        assertThat(bus.history("plugin-a/news")).extracting(TopicEvent::payload).containsExactly(4, 5, 6);
        assertThat(bus.history("plugin-b/news")).isEmpty();
        assertThat(bus.history("never/used")).isEmpty();
        assertThat(bus.deadEvents()).isEqualTo(1); // the sixth: its only subscriber had left
    }

    @Test
    void subscribeTopic_badName_isRefusedNamingIt() {
        assertThatThrownBy(() -> bus.subscribeTopic("a b", e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topic 'a b' is not valid");
        assertThatThrownBy(() -> bus.publish(new TopicEvent("", 1, Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void history_zeroCapacity_keepsNothing() {
        DefaultEventBus none = new DefaultEventBus(16, Runnable::run, 0);
        none.publish(new TopicEvent("a/b", 1, Instant.EPOCH));
        assertThat(none.history("a/b")).isEmpty();
    }
}
