package dev.supervisor.benchmarks.analytics;

import dev.supervisor.analytics.anomaly.AlarmProfile;
import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import dev.supervisor.analytics.nab.NabCorpus;
import dev.supervisor.analytics.nab.NabFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * What a detector's thresholds mean in practice: alarms per 10,000 points at each profile's threshold on long
 * anomaly-free synthetic series of eight kinds (20,000 points each, three seeds, the first 750 points not counted,
 * first and second half apart to show whether the rate drifts as the series grows), and on the rows of NAB's
 * development split that lie outside every labelled window (after each file's probation).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.analytics.AlarmRates [../shared/datasets/nab]
 * </pre>
 */
public final class AlarmRates {
    private static final String[] KINDS = {"iid", "ar1", "daily", "t3", "counts", "walk", "bursty", "sparse"};
    private static final int N = 20_000;
    private static final long STEP = 300_000;

    private AlarmRates() {
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static int poisson(SplittableRandom r, double mean) {
        double limit = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > limit);
        return k - 1;
    }

    /**
     * @param kind iid Gaussian, AR(1) with φ 0.9, a daily sine plus noise, Student-t with 3 degrees of freedom,
     *             Poisson counts with a daily cycle, a random walk plus noise, counts with 1% bursts of up to 4×,
     *             sparse counts (mean about 1)
     * @return an anomaly-free series of five-minute points
     */
    static double[] series(String kind, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[N];
        double a = 0;
        double level = 100;
        for (int t = 0; t < N; t++) {
            double day = Math.sin(2 * Math.PI * t / 288.0);
            y[t] = switch (kind) {
                case "iid" -> 50 + gauss(r);
                case "ar1" -> 50 + (a = 0.9 * a + gauss(r));
                case "daily" -> 50 + 10 * day + gauss(r);
                case "t3" -> 50 + gauss(r) / Math.sqrt((Math.pow(gauss(r), 2) + Math.pow(gauss(r), 2)
                        + Math.pow(gauss(r), 2)) / 3);
                case "counts" -> poisson(r, 20 * (1.5 + day));
                case "walk" -> (level += 0.1 * gauss(r)) + gauss(r);
                case "bursty" -> poisson(r, 20 * (1.5 + day)) * (r.nextDouble() < 0.01 ? 1 + 3 * r.nextDouble() : 1);
                case "sparse" -> poisson(r, 0.8 * (1.2 + day));
                default -> throw new IllegalArgumentException(kind);
            };
        }
        return y;
    }

    /** Prints the rates of one detector at each profile's threshold. */
    static void report(String name, Supplier<AnomalyDetector> detector, List<NabFile> nab) {
        System.out.println(name);
        AnomalyDetector probe = detector.get();
        for (AlarmProfile p : AlarmProfile.values()) {
            double theta = probe.threshold(p);
            StringBuilder line = new StringBuilder(String.format("  %-18s θ %.8f  per 10k points:", p, theta));
            for (String kind : KINDS) {
                int early = 0;
                int late = 0;
                for (int seed = 0; seed < 3; seed++) {
                    double[] y = series(kind, 1000L * seed + kind.hashCode());
                    AnomalyDetector d = detector.get();
                    for (int t = 0; t < N; t++) {
                        if (d.update(t * STEP, y[t]) >= theta && t >= 750) {
                            early += t < N / 2 ? 1 : 0;
                            late += t < N / 2 ? 0 : 1;
                        }
                    }
                }
                line.append(String.format(" %s %.1f/%.1f", kind, early / 3.0 / ((N / 2 - 750) / 1e4),
                        late / 3.0 / (N / 2 / 1e4)));
            }
            if (!nab.isEmpty()) {
                line.append(String.format("; NAB outside windows %.1f", nabRate(nab, detector, theta)));
            }
            System.out.println(line);
        }
    }

    private static double nabRate(List<NabFile> files, Supplier<AnomalyDetector> detector, double theta) {
        List<long[]> times = NabHarness.times(files);
        List<double[]> scores = NabHarness.scores(files, times, detector);
        long alarms = 0;
        long rows = 0;
        for (int k = 0; k < files.size(); k++) {
            NabFile f = files.get(k);
            boolean[] inside = new boolean[f.values().length];
            f.windows().forEach(w -> java.util.Arrays.fill(inside, w[0], w[1] + 1, true));
            for (int i = f.probation(); i < inside.length; i++) {
                if (!inside[i]) {
                    rows++;
                    alarms += scores.get(k)[i] >= theta ? 1 : 0;
                }
            }
        }
        return alarms * 1e4 / rows;
    }

    /** @param args optionally the NAB directory */
    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/datasets/nab");
        List<NabFile> nab = Files.exists(root.resolve("labels/combined_windows.json")) ? NabCorpus.load(root)
                : List.of();
        System.out.println("first half / second half of each kind (3 series of 20,000 points each)");
        report("default ensemble", AnomalyDetectors::defaultEnsemble, nab);
        report("mad(200)", () -> AnomalyDetectors.mad(200), nab);
        report("zScore(100)", () -> AnomalyDetectors.zScore(100), nab);
    }
}
