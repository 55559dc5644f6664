package dev.supervisor.spring.boot.autoconfigure;

import dev.supervisor.api.spi.RunStore;
import dev.supervisor.api.spi.ScheduleStore;
import dev.supervisor.core.jdbc.JdbcStores;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code supervisor.store=jdbc}: runs and schedules in the application's {@link DataSource}. The schema is
 * migrated at start, or — with {@code supervisor.jdbc.initialize-schema=false} — a database whose schema is not
 * this version's is refused at start with a message saying which versions differ.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "supervisor.store", havingValue = "jdbc")
public class SupervisorJdbcConfiguration {

    /**
     * @param dataSource the application's data source
     * @param props bound properties
     * @return the JDBC run store
     */
    @Bean
    @ConditionalOnMissingBean
    public RunStore supervisorRunStore(ObjectProvider<DataSource> dataSource, SupervisorProperties props) {
        DataSource ds = checked(dataSource, props);
        int kept = props.getJdbc().getMaxRetainedRuns();
        if (kept < 1) {
            throw PropertyChecks.invalid("supervisor.jdbc.max-retained-runs", kept, "must be at least 1");
        }
        return JdbcStores.runStore(ds, kept);
    }

    /**
     * @param dataSource the application's data source
     * @param props bound properties
     * @return the JDBC schedule store
     */
    @Bean
    @ConditionalOnMissingBean
    public ScheduleStore supervisorScheduleStore(ObjectProvider<DataSource> dataSource, SupervisorProperties props) {
        return JdbcStores.scheduleStore(checked(dataSource, props));
    }

    private static DataSource checked(ObjectProvider<DataSource> dataSource, SupervisorProperties props) {
        DataSource ds = dataSource.getIfUnique();
        if (ds == null) {
            throw PropertyChecks.invalid("supervisor.store", "jdbc", "it needs one DataSource bean (for example "
                    + "spring-boot-starter-jdbc with spring.datasource.url), and the context has "
                    + (dataSource.stream().findAny().isPresent() ? "several without a primary one" : "none"));
        }
        if (!props.getJdbc().isInitializeSchema()) {
            int at = JdbcStores.databaseSchemaVersion(ds);
            if (at != JdbcStores.schemaVersion()) {
                throw PropertyChecks.invalid("supervisor.jdbc.initialize-schema", false, "the database's Supervisor "
                        + "schema is at version " + at + " but this Supervisor needs version "
                        + JdbcStores.schemaVersion() + "; migrate it, or set supervisor.jdbc.initialize-schema=true "
                        + "to migrate it at start");
            }
        }
        return ds;
    }
}
