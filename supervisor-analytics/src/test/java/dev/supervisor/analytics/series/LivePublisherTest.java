package dev.supervisor.analytics.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LivePublisherTest {
    /** Requests everything and records; optionally blocks in onNext until released. */
    static class Recorder implements Flow.Subscriber<Integer> {
        final List<Integer> items = new CopyOnWriteArrayList<>();
        final CountDownLatch release;
        final CountDownLatch received;
        final CountDownLatch first = new CountDownLatch(1);
        final CountDownLatch failed = new CountDownLatch(1);
        final AtomicReference<Throwable> error = new AtomicReference<>();
        Flow.Subscription subscription;

        Recorder(CountDownLatch release, int expect) {
            this.release = release;
            this.received = new CountDownLatch(expect);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(Integer item) {
            items.add(item);
            received.countDown();
            first.countDown();
            if (release != null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
            failed.countDown();
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void slowSubscriber_neverDelaysTheOthers() throws Exception {
        LivePublisher<Integer> p = LivePublisher.builder().bufferSize(16).build();
        CountDownLatch release = new CountDownLatch(1);
        Recorder slow = new Recorder(release, 1);
        java.util.concurrent.Semaphore delivered = new java.util.concurrent.Semaphore(0);
        Recorder fast = new Recorder(null, 1000) {
            @Override
            public void onNext(Integer item) {
                super.onNext(item);
                delivered.release();
            }
        };
        p.subscribe(slow);
        p.subscribe(fast);
        // The slow subscriber blocks in its first onNext for the whole test; every item still reaches the fast one.
        for (int i = 0; i < 1000; i++) {
            p.offer(i);
            assertThat(delivered.tryAcquire(10, TimeUnit.SECONDS)).as("item %d delivered", i).isTrue();
        }
        assertThat(fast.items).hasSize(1000);
        assertThat(slow.items).hasSizeLessThan(5);
        assertThat(p.dropped()).isGreaterThan(900);
        release.countDown();
    }

    @Test
    void dropOldest_keepsTheLatestItems() throws Exception {
        LivePublisher<Integer> p = LivePublisher.builder().bufferSize(4).build();
        CountDownLatch release = new CountDownLatch(1);
        Recorder slow = new Recorder(release, 5);
        p.subscribe(slow);
        p.offer(-1);
        assertThat(slow.first.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            p.offer(i);
        }
        CountDownLatch done = new CountDownLatch(1);
        p.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(1);
            }

            @Override
            public void onNext(Integer item) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        release.countDown();
        p.close();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        // Drained after release: the item in hand, then the newest four.
        assertThat(slow.received.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.items).containsExactly(-1, 96, 97, 98, 99);
    }

    @Test
    void disconnectPolicy_signalsOverflowAndRemovesTheSubscriber() throws Exception {
        LivePublisher<Integer> p = LivePublisher.builder().bufferSize(2).overflow(LivePublisher.Overflow.DISCONNECT)
                .build();
        CountDownLatch release = new CountDownLatch(1);
        Recorder slow = new Recorder(release, 1);
        p.subscribe(slow);
        p.offer(0);
        assertThat(slow.first.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 10; i++) {
            p.offer(i);
        }
        release.countDown();
        assertThat(slow.failed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(slow.error.get()).isInstanceOf(LivePublisher.BufferOverflowException.class);
        assertThat(p.subscribers()).isZero();
    }

    @Test
    void nonPositiveRequest_isAnError() throws Exception {
        LivePublisher<Integer> p = LivePublisher.builder().build();
        AtomicReference<Throwable> err = new AtomicReference<>();
        CountDownLatch got = new CountDownLatch(1);
        p.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(0);
            }

            @Override
            public void onNext(Integer item) {
            }

            @Override
            public void onError(Throwable t) {
                err.set(t);
                got.countDown();
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(err.get()).hasMessageContaining("3.9");
    }
}
