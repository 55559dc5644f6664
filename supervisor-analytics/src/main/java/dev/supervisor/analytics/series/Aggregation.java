package dev.supervisor.analytics.series;

/** How samples in a query bucket are reduced to one value. */
public enum Aggregation {
    /** Sum of samples. */
    SUM,
    /** Mean of samples. */
    AVG,
    /** Number of samples (per step: a throughput). */
    COUNT,
    /** Smallest sample. */
    MIN,
    /** Largest sample. */
    MAX,
    /** Median (within about 1%). */
    P50,
    /** 95th percentile (within about 1%). */
    P95,
    /** 99th percentile (within about 1%). */
    P99
}
