package dev.supervisor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.spi.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RunQueryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static RunRecord run(String id, int second) {
        return new RunRecord(id, "wf", RunStatus.RUNNING, Map.of(), T0.plusSeconds(second), null, 0);
    }

    @Test
    void builder_refusesBadValues_namingTheOption() {
        assertThatThrownBy(() -> RunQuery.builder().limit(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limit must be between 1 and 1000 but was 0");
        assertThatThrownBy(() -> RunQuery.builder().limit(1001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunQuery.builder().workflowId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflowId");
        assertThatThrownBy(() -> RunQuery.builder().cursor("not a cursor"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cursor 'not a cursor'");
        assertThatThrownBy(() -> RunQuery.builder().createdFrom(T0).createdTo(T0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("createdTo");
        assertThatThrownBy(() -> RunQuery.builder().limit(5).limit(6)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("limit was already set to 5");
        assertThat(RunQuery.all().limit()).isEqualTo(RunQuery.DEFAULT_LIMIT);
    }

    @Test
    void cursor_roundTripsThePosition_evenWithSeparatorsInTheId() {
        RunQuery.Position p = new RunQuery.Position(T0.plusNanos(123), "a|b:c");
        assertThat(RunQuery.Position.ofCursor(p.cursor())).isEqualTo(p);
        assertThat(RunQuery.builder().cursor(p.cursor()).build().after()).contains(p);
    }

    @Test
    void select_walksEveryRunOnceInOrder_forRandomRunsAndPageSizes() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        for (int round = 0; round < 50; round++) {
            List<RunRecord> all = new ArrayList<>();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                all.add(run("r" + random.nextInt(1000) + "-" + i, random.nextInt(10)));
            }
            int limit = 1 + random.nextInt(7);
            List<RunRecord> walked = new ArrayList<>();
            RunPage page = RunPage.select(all, RunQuery.builder().limit(limit).build());
            walked.addAll(page.runs());
            while (page.next().isPresent()) {
                page = RunPage.select(all, RunQuery.builder().limit(limit).cursor(page.nextCursor()).build());
                assertThat(page.runs()).as("seed %d", seed).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
                walked.addAll(page.runs());
            }
            List<RunRecord> expected = new ArrayList<>(all);
            expected.sort(RunPage.ORDER);
            assertThat(walked).as("seed %d", seed).containsExactlyElementsOf(expected);
        }
    }
}
