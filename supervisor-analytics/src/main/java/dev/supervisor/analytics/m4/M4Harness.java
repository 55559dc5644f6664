package dev.supervisor.analytics.m4;

import dev.supervisor.analytics.forecast.Forecast;
import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.forecast.Forecasters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs forecasters over M4 Hourly and prints sMAPE, MASE, OWA, the coverage and MSIS of the 95% prediction
 * intervals, and seconds per method.
 *
 * <pre>java -cp … dev.supervisor.analytics.m4.M4Harness ../shared/datasets/m4 [method …]</pre>
 */
public final class M4Harness {
    /** Hourly constants. */
    public static final int HORIZON = 48;
    /** Hourly season length. */
    public static final int PERIOD = 24;

    /**
     * One method's scores.
     *
     * @param method name
     * @param smape mean sMAPE
     * @param mase mean MASE
     * @param coverage share of test values inside the 95% prediction intervals
     * @param msis mean scaled interval score of those intervals (M4's interval measure, α = 0.05)
     * @param seconds wall time
     */
    public record Score(String method, double smape, double mase, double coverage, double msis, double seconds) {
    }

    private M4Harness() {
    }

    /**
     * @param data the series
     * @param f the method
     * @param threads worker threads
     * @return mean sMAPE and MASE over all series
     */
    public static Score score(M4Data data, Forecaster f, int threads) {
        long t0 = System.nanoTime();
        int n = data.ids().size();
        double[][] per = new double[n][];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<double[]>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] train = data.train().get(i);
                double[] test = data.test().get(i);
                jobs.add(pool.submit(() -> {
                    Forecast fc = f.forecast(train, HORIZON);
                    return new double[] {M4Metrics.smape(test, fc.mean()), M4Metrics.mase(train, test, fc.mean(),
                            PERIOD), M4Metrics.coverage(test, fc.lower(), fc.upper()), M4Metrics.msis(train, test,
                            fc.lower(), fc.upper(), PERIOD, 1 - fc.level())};
                }));
            }
            for (int i = 0; i < n; i++) {
                per[i] = jobs.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(f.name() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double[] sum = new double[4];
        for (double[] p : per) {
            for (int k = 0; k < sum.length; k++) {
                sum[k] += p[k];
            }
        }
        return new Score(f.name(), sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * @param args data directory, then method names (default: naive2 snaive24 ensemble)
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/m4");
        M4Data data = M4Data.hourly(dir);
        int threads = Runtime.getRuntime().availableProcessors();
        Score naive2 = score(data, Forecasters.naive2(PERIOD), threads);
        List<String> methods = args.length > 1 ? List.of(args).subList(1, args.length)
                : List.of("snaive24", "ensemble");
        System.out.printf("%-12s %8s %8s %7s %9s %8s %8s%n", "method", "sMAPE", "MASE", "OWA", "coverage", "MSIS",
                "seconds");
        print(naive2, naive2);
        for (String m : methods) {
            print(score(data, byName(m), threads), naive2);
        }
    }

    private static void print(Score s, Score naive2) {
        System.out.printf("%-12s %8.3f %8.3f %7.3f %8.1f%% %8.2f %8.2f%n", s.method(), s.smape(), s.mase(),
                M4Metrics.owa(s.smape(), s.mase(), naive2.smape(), naive2.mase()), 100 * s.coverage(), s.msis(),
                s.seconds());
    }

    /** @return a forecaster for a harness name */
    static Forecaster byName(String name) {
        return switch (name) {
            case "naive" -> Forecasters.naive();
            case "naive2" -> Forecasters.naive2(PERIOD);
            case "snaive24" -> Forecasters.seasonalNaive(PERIOD);
            case "snaive168" -> Forecasters.seasonalNaive(168);
            case "smean3" -> Forecasters.seasonalMean(PERIOD, 3);
            case "smean7" -> Forecasters.seasonalMean(PERIOD, 7);
            case "smean168x2" -> Forecasters.seasonalMean(168, 2);
            case "ses" -> Forecasters.ses(PERIOD);
            case "holt" -> Forecasters.holt(PERIOD);
            case "damped" -> Forecasters.dampedTrend(PERIOD);
            case "theta" -> Forecasters.theta(PERIOD);
            case "linear" -> Forecasters.linearTrend();
            case "hwa" -> Forecasters.holtWinters(PERIOD, false);
            case "hwm" -> Forecasters.holtWinters(PERIOD, true);
            case "ensemble" -> Forecasters.auto(PERIOD);
            default -> throw new IllegalArgumentException("unknown method " + name);
        };
    }
}
