package dev.supervisor.analytics.anomaly;

/**
 * How an alarm threshold trades missed incidents against false alarms, after NAB's three cost profiles: each
 * detector answers its own threshold for each ({@link AnomalyDetector#threshold(AlarmProfile)}).
 */
public enum AlarmProfile {
    /** NAB's standard profile: a false alarm costs 0.11 of a found incident, a missed incident costs 1. */
    STANDARD,
    /** NAB's reward_low_FP_rate: a false alarm costs twice as much (0.22). */
    FEWER_FALSE_ALARMS,
    /** NAB's reward_low_FN_rate: a missed incident costs twice as much (2). */
    FEWER_MISSES
}
