/**
 * The Supervisor engine: {@link dev.supervisor.core.Supervisor} and its configuration, workflow validation and
 * analysis, conditions and expressions, cron schedules, JDBC stores, provider routing and the plugin host.
 *
 * <p>Only the API packages are exported; implementations live in packages named {@code internal}, which are
 * neither exported nor opened. Task handlers and classpath plugins are discovered with
 * {@link java.util.ServiceLoader}, so a module can {@code provides dev.supervisor.api.spi.TaskHandler} or
 * {@code provides dev.supervisor.api.plugin.Plugin}.
 */
module dev.supervisor.core {
    requires transitive dev.supervisor.api;
    // JdbcStores take a javax.sql.DataSource; GraphExport.toJGraphT returns a JGraphT graph.
    requires transitive java.sql;
    requires transitive org.jgrapht.core;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires java.net.http;
    requires org.slf4j;
    // Optional: LISTEN/NOTIFY on PostgreSQL (jdbc.internal.PgNotifications), used only when the driver is present.
    requires static org.postgresql.jdbc;

    exports dev.supervisor.core;
    exports dev.supervisor.core.cron;
    exports dev.supervisor.core.expr;
    exports dev.supervisor.core.flow;
    exports dev.supervisor.core.graph;
    exports dev.supervisor.core.jdbc;
    exports dev.supervisor.core.json;
    exports dev.supervisor.core.plugin;
    exports dev.supervisor.core.provider;
    exports dev.supervisor.core.testing;

    uses dev.supervisor.api.spi.TaskHandler;
    uses dev.supervisor.api.plugin.Plugin;
}
