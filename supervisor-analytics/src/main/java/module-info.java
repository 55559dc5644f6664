/**
 * Metrics, streaming anomaly detection, forecasting and capacity advice over Supervisor's lifecycle events. Never
 * depends on the engine: it reads the events of {@code dev.supervisor.api}.
 *
 * <p>Only the API packages are exported; implementations live in packages named {@code internal}.
 */
module dev.supervisor.analytics {
    // MetricsCollector consumes SupervisorEvents; ForecastingCapacityAdvisor is a CapacityAdvisor.
    requires transitive dev.supervisor.api;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    // HdrHistogram and Commons Math 3 declare no module name, so theirs comes from the jar file name (which Maven
    // and Gradle keep as artifactId-version.jar). Commons Math 3 has had its last release.
    requires HdrHistogram;
    requires commons.math3;
    // Optional: XLSX export, used only when fastexcel is present (MetricExport falls back to CSV).
    requires static org.dhatim.fastexcel;

    exports dev.supervisor.analytics.anomaly;
    exports dev.supervisor.analytics.capacity;
    exports dev.supervisor.analytics.forecast;
    exports dev.supervisor.analytics.m4;
    exports dev.supervisor.analytics.metrics;
    exports dev.supervisor.analytics.nab;
    exports dev.supervisor.analytics.series;
}
