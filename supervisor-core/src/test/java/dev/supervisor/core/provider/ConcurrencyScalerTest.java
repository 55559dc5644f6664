package dev.supervisor.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisor.api.TaskType;
import dev.supervisor.api.provider.CapacityAdvisor;
import dev.supervisor.api.provider.ConcurrencyAdvice;
import dev.supervisor.api.provider.Estimate;
import dev.supervisor.api.provider.ProviderLimits;
import dev.supervisor.api.provider.ProviderObservation;
import dev.supervisor.api.provider.ProviderRequest;
import dev.supervisor.api.provider.RoutingEvent;
import dev.supervisor.core.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dynamic scaling within bounds, and deadlines that leave out providers predicted too slow. */
class ConcurrencyScalerTest {
    private final ManualClock clock = ManualClock.at("2026-03-02T09:00:00Z");

    /** Recommends a fixed number and predicts fixed durations per provider. */
    static final class FixedAdvisor implements CapacityAdvisor {
        int recommend;
        final List<ProviderObservation> seen = new ArrayList<>();

        @Override
        public void record(ProviderObservation observation) {
            seen.add(observation);
        }

        @Override
        public Optional<Estimate> predictDuration(String providerId, TaskType taskType) {
            double s = providerId.equals("slow") ? 600 : 60;
            return Optional.of(new Estimate(s, s / 2, s * 1.5, 0.9, 50));
        }

        @Override
        public Optional<Estimate> predictCost(String providerId, TaskType taskType) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> predictQuotaExhaustion(String providerId, long remaining, Instant now) {
            return Optional.empty();
        }

        @Override
        public ConcurrencyAdvice recommendConcurrency(String providerId, Instant now, int min, int max) {
            return new ConcurrencyAdvice(providerId, Math.max(min, Math.min(max, recommend)), "fixed " + recommend);
        }
    }

    @Test
    void rescale_followsTheAdvisorWithinBoundsAndEmitsChanges() {
        FixedAdvisor advisor = new FixedAdvisor();
        List<RoutingEvent> events = new ArrayList<>();
        Scripted a = new Scripted("a").limits(ProviderLimits.builder().maxConcurrent(8).build());
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().clock(clock).provider(a)
                .listener(events::add).advisor(advisor).build());
        ConcurrencyScaler scaler = ConcurrencyScaler.of(router, advisor, clock, 2);

        advisor.recommend = 3;
        assertThat(scaler.rescale()).isEqualTo(Map.of("a", 3));
        advisor.recommend = 50;
        assertThat(scaler.rescale()).isEqualTo(Map.of("a", 8));
        advisor.recommend = 8;
        scaler.rescale();
        assertThat(events).filteredOn(e -> e instanceof RoutingEvent.ConcurrencyChanged).extracting(
                e -> ((RoutingEvent.ConcurrencyChanged) e).from() + "->" + ((RoutingEvent.ConcurrencyChanged) e).to())
                .containsExactly("8->3", "3->8");
        assertThat(router.status("a").concurrencyLimit()).isEqualTo(8);
    }

    @Test
    void deadline_cheapestThatFinishesInTime() throws Exception {
        FixedAdvisor advisor = new FixedAdvisor();
        Scripted slow = new Scripted("slow");
        slow.costModel = dev.supervisor.api.provider.CostModel.builder("USD").perThousandInput("0.0001").build();
        Scripted fast = new Scripted("fast");
        ProviderRouter router = ProviderRouter.create(RouterConfig.builder().clock(clock).provider(slow)
                .provider(fast).strategy(RoutingStrategy.CHEAPEST).advisor(advisor).build());
        ProviderRequest noDeadline = ProviderRequest.builder("t", TaskType.FEATURE, "build it").build();
        ProviderRequest inTenMinutes = ProviderRequest.builder("t", TaskType.FEATURE, "build it")
                .deadline(clock.instant().plusSeconds(600)).build();
        assertThat(router.choose(noDeadline)).isEqualTo("slow");
        assertThat(router.choose(inTenMinutes)).isEqualTo("fast");
        router.route(inTenMinutes);
        assertThat(advisor.seen).singleElement().satisfies(o -> {
            assertThat(o.providerId()).isEqualTo("fast");
            assertThat(o.succeeded()).isTrue();
        });
    }
}
