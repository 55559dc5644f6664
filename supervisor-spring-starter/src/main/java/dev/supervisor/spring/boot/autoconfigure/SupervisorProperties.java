package dev.supervisor.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the auto-configured supervisor; unset values keep the library defaults.
 *
 * @param enabled set to false to switch the auto-configuration off
 * @param maxConcurrency most task attempts executing at once across all runs
 * @param maxActiveRuns most runs active at once; further submissions are rejected
 * @param shutdownDeadline how long the context's shutdown waits for running tasks
 * @param cancellationGrace time between asking an attempt to stop and interrupting it
 * @param nodeId this node's id, used as lease owner
 * @param discoverHandlers also load task handlers with {@link java.util.ServiceLoader}
 * @param typeLimits concurrency limits per task type
 * @param tagLimits concurrency limits per task tag
 */
@ConfigurationProperties("supervisor")
public record SupervisorProperties(Boolean enabled, Integer maxConcurrency, Integer maxActiveRuns,
                                   Duration shutdownDeadline, Duration cancellationGrace, String nodeId,
                                   Boolean discoverHandlers, Map<String, Integer> typeLimits,
                                   Map<String, Integer> tagLimits) {
}
