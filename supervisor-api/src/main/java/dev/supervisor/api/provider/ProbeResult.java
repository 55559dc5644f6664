package dev.supervisor.api.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * The answer of an active health probe.
 *
 * @param healthy true if the provider can take work
 * @param detail what was checked or what failed, free of secrets
 * @param latency how long the probe took
 */
public record ProbeResult(boolean healthy, String detail, Duration latency) {
    /** Checks that no component is null. */
    public ProbeResult {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(latency, "latency");
    }

    /** @return a healthy result with no detail */
    public static ProbeResult up() {
        return new ProbeResult(true, "up", Duration.ZERO);
    }

    /**
     * @param detail what failed
     * @return an unhealthy result
     */
    public static ProbeResult down(String detail) {
        return new ProbeResult(false, detail, Duration.ZERO);
    }
}
