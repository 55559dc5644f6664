package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
import dev.supervisor.analytics.anomaly.internal.Stats;
import java.util.List;

/**
 * The default detector. Each member's score is turned into an anomaly likelihood the way Numenta's HTM detector
 * does it (the mean of the member's last few scores against the distribution of its scores over a long window),
 * the ensemble reports the largest likelihood, and after a strong alarm it damps itself for a refractory period so
 * that one incident raises one alarm. All state is bounded by the windows.
 *
 * <p>Score: each member's tail probability p becomes a surprise −ln p; the likelihood is the z-value of the recent
 * mean surprise against the long-window distribution; the reported score is {@code 1 − exp(−z / 5)} for z > 0
 * (0.7 ≈ z 6, 0.9 ≈ z 11.5), a monotone map that keeps ranking information where a probability would round to 1.
 */
public final class EnsembleDetector implements AnomalyDetector {
    private static final double SCALE = 5;
    private final List<AnomalyDetector> members;
    private final Ring[] shortTerm;
    private final Ring[] longTerm;
    private final double alarm;
    private final int refractory;
    private final double damping;
    private int quiet;
    private int fired = -1;
    private long seen;

    /**
     * @param members the detectors combined
     * @param shortWindow points averaged for the recent score (e.g. 5)
     * @param longWindow points describing normal scores (e.g. 1000)
     * @param alarm likelihood that starts a refractory period
     * @param refractory points damped after an alarm
     * @param damping factor applied to scores during the refractory period
     */
    EnsembleDetector(List<AnomalyDetector> members, int shortWindow, int longWindow, double alarm, int refractory,
                     double damping) {
        this.members = List.copyOf(members);
        this.shortTerm = new Ring[members.size()];
        this.longTerm = new Ring[members.size()];
        for (int i = 0; i < members.size(); i++) {
            shortTerm[i] = new Ring(shortWindow);
            longTerm[i] = new Ring(longWindow);
        }
        this.alarm = alarm;
        this.refractory = refractory;
        this.damping = damping;
    }

    @Override
    public String name() {
        return "ensemble";
    }

    /** @return the index of the member with the highest likelihood at the last update, or -1 */
    public int lastFired() {
        return fired;
    }

    /** @return the member detectors */
    public List<AnomalyDetector> members() {
        return members;
    }

    @Override
    public double update(long t, double v) {
        seen++;
        double best = 0;
        fired = -1;
        for (int i = 0; i < members.size(); i++) {
            double p = 1 - members.get(i).update(t, v);
            // Surprise (−ln of the tail probability) keeps ranking information where probabilities round to 1.
            double raw = -Math.log(Math.max(p, 1e-16));
            Ring s = shortTerm[i];
            Ring l = longTerm[i];
            s.add(raw);
            double z = 0;
            if (l.size() >= 100) {
                double sd = Math.max(l.std(), 1e-3);
                z = (s.mean() - l.mean()) / sd;
            }
            l.add(raw);
            if (z > best) {
                best = z;
                fired = i;
            }
        }
        double score = best <= 0 ? 0 : 1 - Math.exp(-best / SCALE);
        if (quiet > 0) {
            quiet--;
            return score * damping;
        }
        if (score >= alarm) {
            quiet = refractory;
        }
        return score;
    }

    @Override
    public double expected() {
        return members.get(0).expected();
    }

    @Override
    public double lower() {
        return members.get(0).lower();
    }

    @Override
    public double upper() {
        return members.get(0).upper();
    }
}
