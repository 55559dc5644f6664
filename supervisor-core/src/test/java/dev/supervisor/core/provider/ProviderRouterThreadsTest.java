package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.ProviderResult;
import dev.supervisor.api.provider.RouteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Blocking routes from many threads: the concurrency limit holds and waiting callers are woken by completions. */
class ProviderRouterThreadsTest {

    @Test
    void route_eightThreadsOnAProviderOfTwo_neverMoreThanTwoInFlightAndAllSucceed() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch twoInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Scripted narrow = new Scripted("narrow") {
            @Override
            public ProviderResult execute(ProviderRequest request) {
                int n = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(n, Math::max);
                twoInside.countDown();
                try {
                    // the first two calls hold their slots until the test has seen both inside
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                return Scripted.ok(request.inputTokens(), 5);
            }
        }.limits(ProviderLimits.builder().maxConcurrent(2).build());
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().provider(narrow).build());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<RouteOutcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ProviderRequest r = ProviderRequest.builder("t" + i, TaskType.TESTING, "run the tests").build();
                outcomes.add(pool.submit(() -> router.route(r)));
            }
            assertThat(twoInside.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(router.status("narrow").inFlight()).isEqualTo(2);
            release.countDown();
            for (Future<RouteOutcome> f : outcomes) {
                assertThat(f.get(60, TimeUnit.SECONDS).status()).isEqualTo(RouteOutcome.Status.SUCCEEDED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInFlight.get()).isEqualTo(2);
        assertThat(router.costs().provider("narrow").calls()).isEqualTo(8);
        assertThat(router.status("narrow").inFlight()).isZero();
    }
}
