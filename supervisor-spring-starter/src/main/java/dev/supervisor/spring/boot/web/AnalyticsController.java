package dev.supervisor.spring.boot.web;

import dev.supervisor.analytics.anomaly.AlarmProfile;
import dev.supervisor.analytics.anomaly.AnomalyDetector;
import dev.supervisor.analytics.anomaly.AnomalyDetectors;
import dev.supervisor.analytics.forecast.Forecast;
import dev.supervisor.analytics.forecast.Forecaster;
import dev.supervisor.analytics.forecast.Forecasters;
import dev.supervisor.analytics.series.Aggregation;
import dev.supervisor.analytics.series.MetricExport;
import dev.supervisor.analytics.series.MetricQuery;
import dev.supervisor.analytics.series.MetricStore;
import dev.supervisor.analytics.series.SeriesResult;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Metrics of the {@link MetricStore} bean: series over a time range, the points an anomaly detector flags in them,
 * forecasts with their intervals, and exports as CSV, XLSX or JSON. The detector is a fresh
 * {@link AnomalyDetectors#defaultEnsemble()} per series and the forecaster the {@link Forecaster} bean (else
 * {@link Forecasters#naive()}).
 */
@RestController
@RequestMapping(SupervisorApiAutoConfiguration.BASE_PATH + "/analytics")
public class AnalyticsController {
    private final ObjectProvider<MetricStore> stores;
    private final ObjectProvider<Forecaster> forecasters;

    /**
     * A flagged point.
     *
     * @param at the step's start
     * @param value its value
     * @param score the detector's score, in [0, 1]
     * @param expected what the detector expected, or null while it warms up
     * @param lower the normal band's lower edge, or null
     * @param upper the normal band's upper edge, or null
     */
    public record AnomalyPoint(Instant at, double value, double score, Double expected, Double lower, Double upper) {
    }

    /**
     * The anomalies of one series.
     *
     * @param metric the metric
     * @param group its grouped label values
     * @param threshold the score from which a point was flagged
     * @param anomalies the flagged points, in time order
     */
    public record SeriesAnomalies(String metric, Map<String, String> group, double threshold,
                                  List<AnomalyPoint> anomalies) {
    }

    /**
     * One forecast step.
     *
     * @param at the step's start
     * @param mean the point forecast
     * @param lower the interval's lower bound
     * @param upper the interval's upper bound
     */
    public record ForecastPoint(Instant at, double mean, double lower, double upper) {
    }

    /**
     * The forecast of one series.
     *
     * @param metric the metric
     * @param group its grouped label values
     * @param method the forecasting method
     * @param level the intervals' nominal coverage
     * @param points the steps after the last observed one
     */
    public record SeriesForecast(String metric, Map<String, String> group, String method, double level,
                                 List<ForecastPoint> points) {
    }

    /**
     * Which series to read.
     *
     * @param metric the metric, e.g. {@code task.duration} (required)
     * @param from range start, ISO-8601 (default: an hour before {@code to})
     * @param to range end, ISO-8601 (default: now)
     * @param step bucket width, an ISO-8601 duration of at least a minute (default PT1M); also a forecast's step
     * @param aggregation SUM, AVG, COUNT, MIN, MAX, P50, P95 or P99 (default AVG)
     * @param where label filters, {@code label:value}, repeatable
     * @param groupBy labels to group by, comma-separated or repeated
     */
    public record SeriesParams(String metric, String from, String to, String step, String aggregation,
                               List<String> where, List<String> groupBy) {
        MetricQuery query() {
            if (metric == null || metric.isBlank()) {
                throw ApiException.badParameter("metric", "is required");
            }
            Instant end = to == null ? Instant.now() : RunsController.instant("to", to);
            Instant start = from == null ? end.minus(Duration.ofHours(1)) : RunsController.instant("from", from);
            if (!end.isAfter(start)) {
                throw ApiException.badParameter("to", "must be after from (" + start + ") but was " + end);
            }
            MetricQuery.Builder b = MetricQuery.of(metric, start, end);
            try {
                b.step(step == null ? Duration.ofMinutes(1) : Duration.parse(step));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ApiException.badParameter("step", "'" + step + "' is not an ISO-8601 duration of at least PT1M");
            }
            if (aggregation != null) {
                b.aggregate(choice("aggregation", aggregation, Aggregation.class));
            }
            if (where != null) {
                for (String w : where) {
                    int colon = w.indexOf(':');
                    if (colon < 1) {
                        throw ApiException.badParameter("where", "'" + w + "' is not label:value");
                    }
                    b.where(w.substring(0, colon), w.substring(colon + 1));
                }
            }
            if (groupBy != null && !groupBy.isEmpty()) {
                b.groupBy(groupBy.stream().flatMap(g -> java.util.Arrays.stream(g.split(","))).map(String::trim)
                        .filter(g -> !g.isEmpty()).toArray(String[]::new));
            }
            return b.build();
        }
    }

    /**
     * @param stores the metric store bean, if any
     * @param forecasters a forecaster bean, if any
     */
    public AnalyticsController(ObjectProvider<MetricStore> stores, ObjectProvider<Forecaster> forecasters) {
        this.stores = stores;
        this.forecasters = forecasters;
    }

    /**
     * @param series the metric, time range, step, aggregation, filters and grouping
     * @return one series per group
     */
    @GetMapping(path = "/series", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("analytics:read")
    public List<SeriesResult> series(@ParameterObject SeriesParams series) {
        return store().query(series.query());
    }

    /**
     * The same series, with only the points the detector flags at or above {@code threshold}.
     *
     * @param series the metric, time range, step, aggregation, filters and grouping
     * @param threshold the score from which a point is flagged, in (0, 1]; by default the detector's own alarm
     *        threshold ({@link AnomalyDetector#threshold} of the standard profile: 0.65 for the ensemble)
     * @return the anomalies per series
     */
    @GetMapping(path = "/anomalies", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("analytics:read")
    public List<SeriesAnomalies> anomalies(@ParameterObject SeriesParams series,
                                           @RequestParam(name = "threshold", required = false) Double threshold) {
        if (threshold != null && !(threshold > 0 && threshold <= 1)) {
            throw ApiException.badParameter("threshold", "must be in (0, 1] but was " + threshold);
        }
        List<SeriesAnomalies> out = new ArrayList<>();
        for (SeriesResult s : store().query(series.query())) {
            AnomalyDetector d = AnomalyDetectors.defaultEnsemble();
            double from = threshold != null ? threshold : d.threshold(AlarmProfile.STANDARD);
            List<AnomalyPoint> flagged = new ArrayList<>();
            for (SeriesResult.Point p : s.points()) {
                double score = d.update(p.start().toEpochMilli(), p.value());
                if (score >= from) {
                    flagged.add(new AnomalyPoint(p.start(), p.value(), score, finite(d.expected()), finite(d.lower()),
                            finite(d.upper())));
                }
            }
            out.add(new SeriesAnomalies(s.metric(), s.group(), from, flagged));
        }
        return out;
    }

    /**
     * @param series the metric, time range, step, aggregation, filters and grouping
     * @param horizon steps to forecast, 1 to 1000 (default 12)
     * @return a forecast per series
     */
    @GetMapping(path = "/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
    @ApiPermission("analytics:read")
    public List<SeriesForecast> forecast(@ParameterObject SeriesParams series,
                                         @RequestParam(name = "horizon", defaultValue = "12") int horizon) {
        if (horizon < 1 || horizon > 1000) {
            throw ApiException.badParameter("horizon", "must be between 1 and 1000 but was " + horizon);
        }
        MetricQuery q = series.query();
        Forecaster forecaster = forecasters.getIfUnique(Forecasters::naive);
        List<SeriesForecast> out = new ArrayList<>();
        for (SeriesResult s : store().query(q)) {
            double[] history = s.points().stream().mapToDouble(SeriesResult.Point::value).toArray();
            if (history.length == 0) {
                continue;
            }
            Forecast f;
            try {
                f = forecaster.forecast(history, horizon);
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter("from", "the series " + s.group() + " is too short to forecast: "
                        + e.getMessage());
            }
            Instant last = s.points().get(s.points().size() - 1).start();
            double[] mean = f.mean();
            double[] lower = f.lower();
            double[] upper = f.upper();
            List<ForecastPoint> points = new ArrayList<>();
            for (int k = 0; k < mean.length; k++) {
                points.add(new ForecastPoint(last.plus(q.step().multipliedBy(k + 1L)), mean[k], lower[k], upper[k]));
            }
            out.add(new SeriesForecast(s.metric(), s.group(), f.method(), f.level(), points));
        }
        return out;
    }

    /**
     * @param format csv, xlsx or json
     * @param series the metric, time range, step, aggregation, filters and grouping
     * @return the file (XLSX falls back to CSV when the optional spreadsheet writer is absent)
     */
    @GetMapping(path = "/export")
    @ApiPermission("analytics:export")
    public ResponseEntity<byte[]> export(@RequestParam(name = "format", defaultValue = "csv") String format,
                                         @ParameterObject SeriesParams series) {
        MetricExport.Format wanted = choice("format", format, MetricExport.Format.class);
        List<SeriesResult> results = store().query(series.query());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MetricExport.Format written = MetricExport.write(results, wanted, out);
        String ext = written.name().toLowerCase(Locale.ROOT);
        MediaType type = switch (written) {
            case JSON -> MediaType.APPLICATION_JSON;
            case CSV -> new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
            case XLSX -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        };
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + series.metric().replaceAll("[^A-Za-z0-9_.-]", "_") + "." + ext + "\"")
                .body(out.toByteArray());
    }

    private static <E extends Enum<E>> E choice(String parameter, String text, Class<E> type) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(parameter, "'" + text + "' is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private MetricStore store() {
        MetricStore s = stores.getIfUnique();
        if (s == null) {
            throw ApiException.unavailable("analytics need a MetricStore bean");
        }
        return s;
    }
}
