package dev.supervisor.analytics.nab;

/**
 * A NAB cost profile.
 *
 * @param name profile name
 * @param tpWeight reward of a window's earliest detection at its first row
 * @param fpWeight cost of each false positive
 * @param fnWeight cost of a missed window
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {
    /** NAB's standard profile. */
    public static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);
    /** Rewards few false positives. */
    public static final NabProfile LOW_FP = new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0);
    /** Rewards few false negatives. */
    public static final NabProfile LOW_FN = new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0);

    /** @return the three NAB profiles */
    public static java.util.List<NabProfile> all() {
        return java.util.List.of(STANDARD, LOW_FP, LOW_FN);
    }
}
