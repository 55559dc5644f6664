package dev.supervisor.spring.boot.autoconfigure.health;

import dev.supervisor.core.Supervisor;
import dev.supervisor.core.SupervisorConfig;
import dev.supervisor.core.jdbc.JdbcStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.zone.ZoneRulesProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * {@code supervisor} in {@code /actuator/info}: the versions in use (Supervisor, its schema, Spring Boot, Java) and
 * the version of the time-zone database the JVM's cron schedules are computed with, plus the engine's mode.
 */
public class SupervisorInfoContributor implements InfoContributor {
    private static final String POM = "/META-INF/maven/dev.supervisor/supervisor-core/pom.properties";

    private final SupervisorConfig config;
    private final String nodeId;

    /**
     * @param config the supervisor's configuration
     * @param nodeId the configured node id, or null
     */
    public SupervisorInfoContributor(SupervisorConfig config, String nodeId) {
        this.config = config;
        this.nodeId = nodeId;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", version());
        info.put("schemaVersion", JdbcStores.schemaVersion());
        info.put("springBootVersion", SpringBootVersion.getVersion());
        info.put("javaVersion", Runtime.version().toString());
        info.put("tzdbVersion", tzdbVersion());
        info.put("mode", config.cluster().isPresent() ? "cluster" : config.runStore().isPresent() ? "durable"
                : "memory");
        if (nodeId != null) {
            info.put("nodeId", nodeId);
        }
        builder.withDetail("supervisor", info);
    }

    /** @return the version of the time-zone rules the JVM uses, e.g. {@code 2025b} */
    static String tzdbVersion() {
        return ZoneRulesProvider.getVersions("UTC").lastKey();
    }

    /** @return supervisor-core's version, from its jar's Maven properties ("unknown" when run from classes) */
    static String version() {
        try (InputStream in = Supervisor.class.getResourceAsStream(POM)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
