package dev.supervisor.analytics.m4;

import dev.supervisor.analytics.Datasets;
import dev.supervisor.analytics.forecast.Forecaster;
import java.util.ArrayList;
import java.util.List;

/** Test helper: a forecaster's mean errors over an M4 set, one series after the other. */
final class M4Runs {
    private M4Runs() {
    }

    static M4Data data(M4Frequency f) {
        String set = f == M4Frequency.WEEKLY ? "m4-weekly-dev" : "m4";
        return M4Data.read(Datasets.require(set, f.stem() + "-train.csv"), f);
    }

    static M4Metrics.Errors mean(M4Data d, M4Frequency f, Forecaster method) {
        List<M4Metrics.Errors> all = new ArrayList<>();
        for (int i = 0; i < d.ids().size(); i++) {
            double[] train = d.train().get(i);
            double[] test = d.test().get(i);
            all.add(M4Metrics.errors(train, test, method.forecast(train, f.horizon()), f.seasonality()));
        }
        return M4Metrics.Errors.mean(all);
    }
}
