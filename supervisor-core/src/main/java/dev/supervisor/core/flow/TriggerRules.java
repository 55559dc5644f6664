package dev.supervisor.core.flow;

import dev.supervisor.api.TriggerRule;

/**
 * Airflow's trigger-rule semantics over counts of a task's direct upstream outcomes. "Failed" counts FAILED,
 * TIMED_OUT and UPSTREAM_FAILED; "skipped" counts SKIPPED and CANCELLED. Rules that can fire early (one_success,
 * one_failed, one_done, always) do so; every rule settles as soon as its outcome can no longer change, so a task
 * never waits for an upstream that cannot matter.
 *
 * <p>Where a rule can no longer be met, the task becomes UPSTREAM_FAILED if an upstream failure is the reason
 * (all_success, none_failed, none_failed_min_one_success, one_success with failures) and SKIPPED otherwise.
 */
public final class TriggerRules {
    private TriggerRules() {
    }

    /**
     * @param rule the task's trigger rule
     * @param succeeded upstream tasks that succeeded
     * @param failed upstream tasks that failed
     * @param skipped upstream tasks that were skipped or cancelled
     * @param total the task's number of direct upstream tasks
     * @return the decision
     * @throws IllegalArgumentException if the counts are negative or exceed {@code total}
     */
    public static TriggerDecision decide(TriggerRule rule, int succeeded, int failed, int skipped, int total) {
        if (succeeded < 0 || failed < 0 || skipped < 0 || succeeded + failed + skipped > total) {
            throw new IllegalArgumentException("inconsistent upstream counts: succeeded=" + succeeded + ", failed="
                    + failed + ", skipped=" + skipped + ", total=" + total);
        }
        if (total == 0) {
            return TriggerDecision.RUN; // as in Airflow, rules constrain upstream tasks; a root task just runs
        }
        boolean allDone = succeeded + failed + skipped == total;
        return switch (rule) {
            case ALL_SUCCESS -> failed > 0 ? TriggerDecision.UPSTREAM_FAILED
                    : skipped > 0 ? TriggerDecision.SKIP : allDone ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ALL_FAILED -> succeeded + skipped > 0 ? TriggerDecision.SKIP
                    : allDone ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ALL_DONE, ALWAYS -> rule == TriggerRule.ALWAYS || allDone ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ALL_DONE_MIN_ONE_SUCCESS -> !allDone ? TriggerDecision.WAIT
                    : succeeded > 0 ? TriggerDecision.RUN : TriggerDecision.SKIP;
            case ALL_SKIPPED -> succeeded + failed > 0 ? TriggerDecision.SKIP
                    : allDone ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case ONE_SUCCESS -> succeeded > 0 ? TriggerDecision.RUN : !allDone ? TriggerDecision.WAIT
                    : failed > 0 ? TriggerDecision.UPSTREAM_FAILED : TriggerDecision.SKIP;
            case ONE_FAILED -> failed > 0 ? TriggerDecision.RUN : allDone ? TriggerDecision.SKIP : TriggerDecision.WAIT;
            case ONE_DONE -> succeeded + failed > 0 ? TriggerDecision.RUN
                    : allDone ? TriggerDecision.SKIP : TriggerDecision.WAIT;
            case NONE_FAILED -> failed > 0 ? TriggerDecision.UPSTREAM_FAILED
                    : allDone ? TriggerDecision.RUN : TriggerDecision.WAIT;
            case NONE_FAILED_MIN_ONE_SUCCESS -> failed > 0 ? TriggerDecision.UPSTREAM_FAILED : !allDone
                    ? TriggerDecision.WAIT : succeeded > 0 ? TriggerDecision.RUN : TriggerDecision.SKIP;
            case NONE_SKIPPED -> skipped > 0 ? TriggerDecision.SKIP
                    : allDone ? TriggerDecision.RUN : TriggerDecision.WAIT;
        };
    }
}
