package dev.supervisor.analytics.anomaly;

import dev.supervisor.analytics.anomaly.internal.Ring;
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
    private static final long HOUR = 3_600_000L;
    private final List<AnomalyDetector> members;
    private final Ring[] shortTerm;
    private final double[] longMean;
    private final double[] longVar;
    private final double longAlpha;
    private long warm;
    private final double alarm;
    private final int refractory;
    private final double damping;
    private int quiet;
    double freq;
    double freqZ = 5;
    int freqWindow = 2000;
    private final double[] edges = new double[8];
    private final boolean[] wasUp = new boolean[8];
    double alarm2;
    int refractory2;
    double record;
    double recordScore = 0.99;
    private final double[] maxRaw = new double[8];
    double calib;
    double calibFloor = 0.5;
    int calibWindow = 2000;
    private double cMean;
    private double cVar;
    double margin;
    private double trigger;
    private int fired = -1;
    // Spatial check: a value beyond the range seen so far by more than spatial × range.
    double spatial;
    int spatialWarm = 300;
    boolean spatialAfter = true;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private long seen;
    // Daily recurrence: alarm times per hour of day, so an alarm that recurs at the same time of day is damped.
    double recurLevel;
    double recurDamping = 0.5;
    int recurSlack = 1;
    int recurDays = 7;
    String combine = "max";
    int recurCount = 2;
    private final long[][] recur = new long[24][4];

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
        this.longMean = new double[members.size()];
        this.longVar = new double[members.size()];
        // Exponentially weighted long-run statistics: O(1) state per member instead of a long ring.
        this.longAlpha = 2.0 / (longWindow + 1);
        for (int i = 0; i < members.size(); i++) {
            shortTerm[i] = new Ring(shortWindow);
        }
        this.alarm = alarm;
        this.refractory = refractory;
        this.damping = damping;
        for (long[] r : recur) {
            java.util.Arrays.fill(r, Long.MIN_VALUE);
        }
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
        double best = 0;
        boolean isRecord = false;
        double sum = 0;
        double second = 0;
        fired = -1;
        for (int i = 0; i < members.size(); i++) {
            double p = 1 - members.get(i).update(t, v);
            // Surprise (−ln of the tail probability) keeps ranking information where probabilities round to 1.
            double raw = -Math.log(Math.max(p, 1e-16));
            Ring s = shortTerm[i];
            s.add(raw);
            if (record > 0 && warm >= spatialWarm && raw > maxRaw[i] * (1 + record) && raw < 36) {
                isRecord = true;
            }
            if (warm >= 50) {
                maxRaw[i] = Math.max(maxRaw[i], raw);
            }
            double z = 0;
            if (warm >= 100) {
                double sd = Math.max(Math.sqrt(longVar[i]), 1e-3);
                z = (s.mean() - longMean[i]) / sd;
            }
            // Warm-up uses the running mean (alpha 1/n) until the window's alpha is smaller.
            double a = Math.max(longAlpha, 1.0 / (warm + 1));
            double d = raw - longMean[i];
            longMean[i] += a * d;
            longVar[i] = (1 - a) * (longVar[i] + a * d * d);
            if (freq > 0) {
                boolean up = z >= freqZ;
                double zr = z;
                if (warm >= 100) {
                    z = z / (1 + freq * edges[i]);
                }
                edges[i] *= 1 - 1.0 / freqWindow;
                if (up && !wasUp[i]) {
                    edges[i] += 1;
                }
                wasUp[i] = zr >= freqZ * 0.8 && (up || wasUp[i]);
            }
            sum += Math.max(z, 0);
            if (z > best) {
                second = best;
                best = z;
                fired = i;
            } else if (z > second) {
                second = z;
            }
        }
        warm++;
        if (combine.equals("mean")) {
            best = sum / members.size();
        } else if (combine.equals("top2")) {
            best = (best + second) / 2;
        } else if (combine.equals("sum")) {
            best = sum;
        }
        if (second > 0 && false) {
        }
        if (calib > 0) {
            double zc = best;
            double sd = Math.sqrt(cVar);
            if (warm > 200 && sd > 0) {
                best = (zc - cMean) / Math.max(sd, calibFloor);
                best *= calib;
            }
            double a = Math.max(2.0 / (calibWindow + 1), 1.0 / warm);
            double d = zc - cMean;
            cMean += a * d;
            cVar = (1 - a) * (cVar + a * d * d);
        }
        double score = best <= 0 ? 0 : 1 - Math.exp(-best / SCALE);
        if (recurLevel > 0) {
            score = recurrence(t, score);
        }
        boolean outside = false;
        if (Double.isFinite(v)) {
            if (spatial > 0 && seen >= spatialWarm && max > min) {
                double tol = spatial * (max - min);
                outside = v > max + tol || v < min - tol;
            }
            min = Double.isNaN(min) ? v : Math.min(min, v);
            max = Double.isNaN(max) ? v : Math.max(max, v);
            seen++;
        }
        if (outside && !spatialAfter) {
            score = 1;
            fired = -1;
        }
        double out = score;
        if (margin > 0) {
            if (quiet > 0 && score <= trigger + margin) {
                quiet--;
                out = score * damping;
            } else if (score >= alarm) {
                quiet = refractory;
                trigger = score;
            }
        } else if (quiet > 0) {
            quiet--;
            out = score * damping;
        } else if (score >= alarm) {
            quiet = refractory;
        } else if (alarm2 > 0 && score >= alarm2) {
            quiet = refractory2;
        }
        if (isRecord) {
            out = Math.max(out, recordScore);
        }
        if (outside && spatialAfter) {
            out = 1;
            fired = -1;
        }
        return out;
    }

    private double recurrence(long t, double score) {
        if (score < recurLevel) {
            return score;
        }
        long hour = Math.floorDiv(t, HOUR);
        int slot = (int) Math.floorMod(hour, 24L);
        // Count earlier days (20 h to recurDays ago) with an alarm near this hour of day.
        long days = 0;
        for (int k = -recurSlack; k <= recurSlack; k++) {
            for (long past : recur[Math.floorMod(slot + k, 24)]) {
                long ago = t - past;
                if (ago >= 20 * HOUR && ago <= recurDays * 24 * HOUR) {
                    days |= 1L << Math.min(62, (ago + 4 * HOUR) / (24 * HOUR));
                }
            }
        }
        boolean recurs = Long.bitCount(days) >= recurCount;
        long[] r = recur[slot];
        // Keep the newest alarm times of this hour; replace the oldest.
        int oldest = 0;
        for (int k = 1; k < r.length; k++) {
            if (r[k] < r[oldest]) {
                oldest = k;
            }
        }
        r[oldest] = t;
        return recurs ? score * recurDamping : score;
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
