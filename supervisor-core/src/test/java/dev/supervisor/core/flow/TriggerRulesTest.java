package dev.supervisor.core.flow;

import static dev.supervisor.core.flow.TriggerDecision.RUN;
import static dev.supervisor.core.flow.TriggerDecision.SKIP;
import static dev.supervisor.core.flow.TriggerDecision.UPSTREAM_FAILED;
import static dev.supervisor.core.flow.TriggerDecision.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervisor.api.TriggerRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule table of the research notes (§7, Airflow's documented semantics), case by case over three upstream
 * tasks: counts are succeeded / failed / skipped, the rest still running.
 */
class TriggerRulesTest {

    @ParameterizedTest(name = "{0} s={1} f={2} k={3} -> {4}")
    @CsvSource({
        // all_success: waits for all; a failure propagates as upstream_failed; a skip skips
        "ALL_SUCCESS, 3, 0, 0, RUN", "ALL_SUCCESS, 2, 0, 0, WAIT", "ALL_SUCCESS, 1, 1, 0, UPSTREAM_FAILED",
        "ALL_SUCCESS, 2, 0, 1, SKIP", "ALL_SUCCESS, 0, 1, 1, UPSTREAM_FAILED",
        // ... but a skip with an upstream still open waits: a later failure would make it upstream_failed
        "ALL_SUCCESS, 1, 0, 1, WAIT", "ALL_SUCCESS, 0, 0, 1, WAIT",
        // all_failed
        "ALL_FAILED, 0, 3, 0, RUN", "ALL_FAILED, 0, 2, 0, WAIT", "ALL_FAILED, 1, 2, 0, SKIP",
                "ALL_FAILED, 0, 2, 1, SKIP",
        // all_done: skipped counts as done
        "ALL_DONE, 1, 1, 1, RUN", "ALL_DONE, 0, 0, 3, RUN", "ALL_DONE, 2, 0, 0, WAIT",
        // all_done_min_one_success
        "ALL_DONE_MIN_ONE_SUCCESS, 1, 1, 1, RUN", "ALL_DONE_MIN_ONE_SUCCESS, 0, 2, 1, SKIP",
        "ALL_DONE_MIN_ONE_SUCCESS, 1, 1, 0, WAIT",
        // all_skipped
        "ALL_SKIPPED, 0, 0, 3, RUN", "ALL_SKIPPED, 1, 0, 0, SKIP", "ALL_SKIPPED, 0, 0, 2, WAIT",
        // one_success fires early; settles once all are done
        "ONE_SUCCESS, 1, 0, 0, RUN", "ONE_SUCCESS, 0, 2, 0, WAIT", "ONE_SUCCESS, 0, 2, 1, UPSTREAM_FAILED",
        "ONE_SUCCESS, 0, 0, 3, SKIP",
        // one_failed fires early
        "ONE_FAILED, 0, 1, 0, RUN", "ONE_FAILED, 2, 0, 0, WAIT", "ONE_FAILED, 2, 0, 1, SKIP",
        // one_done fires early on success or failure, not on skip
        "ONE_DONE, 1, 0, 0, RUN", "ONE_DONE, 0, 1, 0, RUN", "ONE_DONE, 0, 0, 2, WAIT", "ONE_DONE, 0, 0, 3, SKIP",
        // none_failed: success or skipped; all skipped still runs (since Airflow PR #7464)
        "NONE_FAILED, 2, 0, 1, RUN", "NONE_FAILED, 0, 0, 3, RUN", "NONE_FAILED, 1, 1, 0, UPSTREAM_FAILED",
        "NONE_FAILED, 2, 0, 0, WAIT",
        // none_failed_min_one_success: the rule for joins after branches
        "NONE_FAILED_MIN_ONE_SUCCESS, 1, 0, 2, RUN", "NONE_FAILED_MIN_ONE_SUCCESS, 0, 0, 3, SKIP",
        "NONE_FAILED_MIN_ONE_SUCCESS, 1, 1, 0, UPSTREAM_FAILED", "NONE_FAILED_MIN_ONE_SUCCESS, 1, 0, 1, WAIT",
        // none_skipped
        "NONE_SKIPPED, 2, 1, 0, RUN", "NONE_SKIPPED, 1, 0, 1, SKIP", "NONE_SKIPPED, 1, 1, 0, WAIT",
        // always: any time
        "ALWAYS, 0, 0, 0, RUN", "ALWAYS, 0, 3, 0, RUN"
    })
    void decide_threeUpstreams_followsTheRuleTable(TriggerRule rule, int s, int f, int k, TriggerDecision want) {
        assertThat(TriggerRules.decide(rule, s, f, k, 3)).isEqualTo(want);
    }

    @ParameterizedTest
    @EnumSource(TriggerRule.class)
    void decide_noUpstream_alwaysRuns(TriggerRule rule) {
        assertThat(TriggerRules.decide(rule, 0, 0, 0, 0)).isEqualTo(RUN);
    }

    @ParameterizedTest
    @EnumSource(TriggerRule.class)
    void decide_allUpstreamDone_neverWaits(TriggerRule rule) {
        for (int s = 0; s <= 3; s++) {
            for (int f = 0; f + s <= 3; f++) {
                assertThat(TriggerRules.decide(rule, s, f, 3 - s - f, 3)).as("%s %d/%d", rule, s, f).isNotEqualTo(WAIT);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TriggerRule.class)
    void decide_inconsistentCounts_areRejected(TriggerRule rule) {
        assertThatThrownBy(() -> TriggerRules.decide(rule, 2, 2, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("total=3");
    }

    @ParameterizedTest
    @EnumSource(TriggerRule.class)
    void decide_beforeAllUpstreamEnd_decidesOnlyWhatNoRemainingOutcomeCouldChange(TriggerRule rule) {
        // Every count combination over up to five upstream tasks, against every way the open ones could end.
        for (int total = 1; total <= 5; total++) {
            for (int s = 0; s <= total; s++) {
                for (int f = 0; s + f <= total; f++) {
                    for (int u = 0; s + f + u <= total; u++) {
                        for (int k = 0; s + f + u + k <= total; k++) {
                            checkEarlyDecision(rule, s, f, u, k, total);
                        }
                    }
                }
            }
        }
    }

    private static void checkEarlyDecision(TriggerRule rule, int s, int f, int u, int k, int total) {
        int open = total - s - f - u - k;
        java.util.Set<TriggerDecision> finals = java.util.EnumSet.noneOf(TriggerDecision.class);
        for (int a = 0; a <= open; a++) {
            for (int b = 0; a + b <= open; b++) {
                for (int c = 0; a + b + c <= open; c++) {
                    finals.add(TriggerRules.decide(rule, s + a, f + b, u + c, k + open - a - b - c, total));
                }
            }
        }
        TriggerDecision now = TriggerRules.decide(rule, s, f, u, k, total);
        String at = rule + " s=" + s + " f=" + f + " u=" + u + " k=" + k + " of " + total;
        assertThat(finals).as(at).doesNotContain(WAIT);
        boolean certain = finals.size() == 1;
        TriggerDecision only = finals.iterator().next();
        boolean mayRunNow = open == 0 || TriggerRules.firesEarly(rule);
        if (now != WAIT) {
            assertThat(certain && only == now).as("decided %s early but could end as %s: %s", now, finals, at)
                    .isTrue();
            assertThat(now != RUN || mayRunNow).as("ran before its upstream ended: " + at).isTrue();
        } else {
            assertThat(certain && (only != RUN || mayRunNow)).as("waited although certain: " + at).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} s={1} f={2} u={3} k={4} -> {5}")
    @CsvSource({
        // one_done fires on a success or an upstream's own failure, not on UPSTREAM_FAILED (as Airflow)
        "ONE_DONE, 0, 0, 1, 0, SKIP", "ONE_DONE, 0, 1, 0, 0, RUN", "ONE_DONE, 0, 0, 1, 1, SKIP",
        // every other rule counts UPSTREAM_FAILED as a failure
        "ONE_FAILED, 0, 0, 1, 0, RUN", "ALL_FAILED, 0, 1, 1, 0, RUN", "NONE_FAILED, 1, 0, 1, 0, UPSTREAM_FAILED",
        "ALL_SUCCESS, 1, 0, 1, 0, UPSTREAM_FAILED"
    })
    void decide_upstreamFailed_countsAsAFailureExceptForOneDone(TriggerRule rule, int s, int f, int u, int k,
                                                                TriggerDecision want) {
        assertThat(TriggerRules.decide(rule, s, f, u, k, s + f + u + k)).isEqualTo(want);
    }
}
