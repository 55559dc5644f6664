package dev.supervisor.core.flow;

import dev.supervisor.api.TriggerRule;

/**
 * Airflow's trigger-rule semantics over counts of a task's direct upstream outcomes, as seen through each
 * dependency's {@link dev.supervisor.api.EdgeCondition}.
 *
 * <p>The categories: <em>succeeded</em>; <em>failed</em> (FAILED or TIMED_OUT); <em>upstream failed</em>
 * (UPSTREAM_FAILED); <em>skipped</em> (SKIPPED or CANCELLED). "Failed" in the rule names means failed or upstream
 * failed, except for {@link TriggerRule#ONE_DONE}, which (as in Airflow) fires on a success or an upstream's own
 * failure, not on an upstream that was itself never run because of a failure further up.
 *
 * <p><b>A decision is a function of the final states of the upstream tasks, never of the order in which they
 * end.</b> A decision is taken before every upstream has ended only when no outcome of the remaining ones could
 * change it: a rule that "fires early" ({@code one_success}, {@code one_failed}, {@code one_done}, {@code always})
 * runs as soon as it is met; every rule is SKIPPED or UPSTREAM_FAILED as soon as that result is certain. So an
 * {@code all_success} task whose upstream include a skip waits for the rest: a later failure makes it
 * UPSTREAM_FAILED rather than SKIPPED (a failure outranks a skip, whichever arrives first).
 *
 * <p>Where a rule can no longer be met, the task becomes UPSTREAM_FAILED if an upstream failure is the reason
 * ({@code all_success}, {@code none_failed}, {@code none_failed_min_one_success}, {@code one_success} with
 * failures) and SKIPPED otherwise.
 */
public final class TriggerRules {
    private TriggerRules() {
    }

    /**
     * Decides with every failure counted as the upstream's own (none UPSTREAM_FAILED).
     *
     * @param rule the task's trigger rule
     * @param succeeded upstream tasks that succeeded
     * @param failed upstream tasks that failed
     * @param skipped upstream tasks that were skipped or cancelled
     * @param total the task's number of direct upstream tasks
     * @return the decision
     * @throws IllegalArgumentException if the counts are negative or exceed {@code total}
     */
    public static TriggerDecision decide(TriggerRule rule, int succeeded, int failed, int skipped, int total) {
        return decide(rule, succeeded, failed, 0, skipped, total);
    }

    /**
     * @param rule the task's trigger rule
     * @param succeeded upstream tasks that succeeded
     * @param failed upstream tasks that failed themselves (FAILED, TIMED_OUT)
     * @param upstreamFailed upstream tasks that are UPSTREAM_FAILED
     * @param skipped upstream tasks that were skipped or cancelled
     * @param total the task's number of direct upstream tasks
     * @return the decision; WAIT while the remaining upstream tasks could still change it
     * @throws IllegalArgumentException if the counts are negative or exceed {@code total}
     */
    public static TriggerDecision decide(TriggerRule rule, int succeeded, int failed, int upstreamFailed,
                                         int skipped, int total) {
        if (succeeded < 0 || failed < 0 || upstreamFailed < 0 || skipped < 0
                || (long) succeeded + failed + upstreamFailed + skipped > total) {
            throw new IllegalArgumentException("inconsistent upstream counts: succeeded=" + succeeded + ", failed="
                    + failed + ", upstreamFailed=" + upstreamFailed + ", skipped=" + skipped + ", total=" + total);
        }
        if (total == 0) {
            return TriggerDecision.RUN; // as in Airflow, rules constrain upstream tasks; a root task just runs
        }
        boolean s = succeeded > 0;
        boolean f = failed > 0;
        boolean anyFailure = f || upstreamFailed > 0;
        boolean k = skipped > 0;
        if (succeeded + failed + upstreamFailed + skipped == total) {
            return decideDone(rule, s, f, anyFailure, k);
        }
        // Some upstream tasks are still open: decide only what none of their outcomes could change.
        // (TriggerRulesTest checks each line against every way the open ones could end.)
        return switch (rule) {
            case ALL_SUCCESS, NONE_FAILED, NONE_FAILED_MIN_ONE_SUCCESS ->
                    anyFailure ? TriggerDecision.UPSTREAM_FAILED : TriggerDecision.WAIT;
            case ALL_FAILED -> s || k ? TriggerDecision.SKIP : TriggerDecision.WAIT;
            case ALL_SKIPPED -> s || anyFailure ? TriggerDecision.SKIP : TriggerDecision.WAIT;
            case NONE_SKIPPED -> k ? TriggerDecision.SKIP : TriggerDecision.WAIT;
            case ONE_SUCCESS -> s ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ONE_FAILED -> anyFailure ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ONE_DONE -> s || f ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ALWAYS -> TriggerDecision.RUN;
            case ALL_DONE, ALL_DONE_MIN_ONE_SUCCESS -> TriggerDecision.WAIT;
        };
    }

    /** The decision once every upstream task has ended: which categories occurred decides it. */
    static TriggerDecision decideDone(TriggerRule rule, boolean s, boolean f, boolean anyFailure, boolean k) {
        return switch (rule) {
            case ALL_SUCCESS -> anyFailure ? TriggerDecision.UPSTREAM_FAILED
                    : k ? TriggerDecision.SKIP : TriggerDecision.RUN;
            case ALL_FAILED -> s || k ? TriggerDecision.SKIP : TriggerDecision.RUN;
            case ALL_DONE, ALWAYS -> TriggerDecision.RUN;
            case ALL_DONE_MIN_ONE_SUCCESS -> s ? TriggerDecision.RUN : TriggerDecision.SKIP;
            case ALL_SKIPPED -> s || anyFailure ? TriggerDecision.SKIP : TriggerDecision.RUN;
            case ONE_SUCCESS -> s ? TriggerDecision.RUN
                    : anyFailure ? TriggerDecision.UPSTREAM_FAILED : TriggerDecision.SKIP;
            case ONE_FAILED -> anyFailure ? TriggerDecision.RUN : TriggerDecision.SKIP;
            case ONE_DONE -> s || f ? TriggerDecision.RUN : TriggerDecision.SKIP;
            case NONE_FAILED -> anyFailure ? TriggerDecision.UPSTREAM_FAILED : TriggerDecision.RUN;
            case NONE_FAILED_MIN_ONE_SUCCESS -> anyFailure ? TriggerDecision.UPSTREAM_FAILED
                    : s ? TriggerDecision.RUN : TriggerDecision.SKIP;
            case NONE_SKIPPED -> k ? TriggerDecision.SKIP : TriggerDecision.RUN;
        };
    }

    /**
     * @param rule a trigger rule
     * @return true if the rule may run a task before all of its upstream tasks have ended
     */
    public static boolean firesEarly(TriggerRule rule) {
        return rule == TriggerRule.ONE_SUCCESS || rule == TriggerRule.ONE_FAILED || rule == TriggerRule.ONE_DONE
                || rule == TriggerRule.ALWAYS;
    }
}
