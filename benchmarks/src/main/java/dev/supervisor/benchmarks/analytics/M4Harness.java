package dev.supervisor.benchmarks.analytics;

import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.forecast.Forecasters;
import dev.supervisor.analytics.m4.M4Data;
import dev.supervisor.analytics.m4.M4Frequency;
import dev.supervisor.analytics.m4.M4Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs forecasters over an M4 set of one frequency and prints sMAPE, MASE, OWA against Naive2, the coverage and MSIS
 * of the 95% prediction intervals, and seconds per method. With {@code --validate} the test file is not used: the
 * last horizon of each training series is held out instead, which is where methods are developed and compared.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.supervisor.benchmarks.analytics.M4Harness \
 *     ../shared/datasets/m4-weekly-dev weekly [--validate] [method …]
 * </pre>
 */
public final class M4Harness {
    private M4Harness() {
    }

    /**
     * @param data the series
     * @param frequency their frequency (horizon and MASE seasonality)
     * @param method the forecaster
     * @param threads worker threads
     * @return the mean errors over all series
     */
    static M4Metrics.Errors score(M4Data data, M4Frequency frequency, Forecaster method, int threads) {
        int n = data.ids().size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<M4Metrics.Errors>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] train = data.train().get(i);
                double[] test = data.test().get(i);
                jobs.add(pool.submit(() -> M4Metrics.errors(train, test, method.forecast(train, test.length),
                        frequency.seasonality())));
            }
            List<M4Metrics.Errors> all = new ArrayList<>();
            for (Future<M4Metrics.Errors> j : jobs) {
                all.add(j.get());
            }
            return M4Metrics.Errors.mean(all);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(method.name() + " failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** @return the series with the last {@code h} training values as the test part (the real test is dropped) */
    static M4Data holdOut(M4Data d, int h) {
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (double[] y : d.train()) {
            train.add(Arrays.copyOf(y, y.length - h));
            test.add(Arrays.copyOfRange(y, y.length - h, y.length));
        }
        return new M4Data(d.ids(), List.copyOf(train), List.copyOf(test));
    }

    /** @return a forecaster for a harness name, with the frequency's seasonality and calendar cycles */
    static Forecaster byName(String name, M4Frequency f) {
        int m = f.seasonality();
        // Names ending in "-c" adjust for the frequency's first calendar cycle instead of M4's m.
        double c = f.cycles().length > 0 ? f.cycles()[0] : 1;
        return switch (name) {
            case "naive" -> Forecasters.naive();
            case "drift" -> Forecasters.drift();
            case "naive2" -> Forecasters.naive2(m);
            case "snaive" -> Forecasters.seasonalNaive(m);
            case "ses" -> Forecasters.ses(m);
            case "holt" -> Forecasters.holt(m);
            case "damped" -> Forecasters.dampedTrend(m);
            case "theta" -> Forecasters.theta(m);
            case "comb" -> Forecasters.comb(m);
            case "ses-c" -> Forecasters.ses(c);
            case "holt-c" -> Forecasters.holt(c);
            case "damped-c" -> Forecasters.dampedTrend(c);
            case "theta-c" -> Forecasters.theta(c);
            case "comb-c" -> Forecasters.comb(c);
            case "ensemble" -> Forecasters.auto(f.cycles());
            default -> throw new IllegalArgumentException("unknown method " + name);
        };
    }

    /** @param args data directory, frequency, optional {@code --validate}, then method names */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/m4");
        M4Frequency f = M4Frequency.of(args.length > 1 ? args[1] : "hourly");
        List<String> rest = new ArrayList<>(args.length > 2 ? List.of(args).subList(2, args.length) : List.of());
        boolean validate = rest.remove("--validate");
        M4Data data = M4Data.read(dir, f);
        if (validate) {
            data = holdOut(data, f.horizon());
        }
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        List<String> methods = rest.isEmpty() ? List.of("snaive", "ensemble") : rest;
        System.out.printf("%s, %d series, h = %d, m = %d%s%n", f.stem(), data.ids().size(), f.horizon(),
                f.seasonality(), validate ? ", last horizon of each training series held out" : "");
        System.out.printf("%-12s %8s %8s %7s %9s %8s %8s%n", "method", "sMAPE", "MASE", "OWA", "coverage", "MSIS",
                "seconds");
        M4Metrics.Errors naive2 = score(data, f, Forecasters.naive2(f.seasonality()), threads);
        print("naive2", naive2, naive2, 0);
        for (String m : methods) {
            long t0 = System.nanoTime();
            M4Metrics.Errors e = score(data, f, byName(m, f), threads);
            print(m, e, naive2, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void print(String name, M4Metrics.Errors s, M4Metrics.Errors naive2, double seconds) {
        System.out.printf("%-12s %8.3f %8.3f %7.3f %8.1f%% %8.2f %8.2f%n", name, s.smape(), s.mase(), s.owa(naive2),
                100 * s.coverage(), s.msis(), seconds);
    }
}
