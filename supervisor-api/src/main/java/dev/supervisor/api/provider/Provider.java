package dev.supervisor.api.provider;

import dev.supervisor.api.TaskType;
import java.util.Set;

/**
 * An AI coding back-end: an agent CLI, a model API, a mock. The router decides which provider runs a request from
 * what each one declares here; {@link #execute(ProviderRequest)} runs it. Implementations must be thread-safe: the
 * router calls {@code execute} concurrently up to {@link ProviderLimits#maxConcurrent()}.
 *
 * <p>Contract: {@code execute} returns a {@link ProviderResult.Failure} of the right {@link FailureKind} for every
 * expected failure (rate limit, timeout, non-zero exit, malformed output...) and never reports a failure as a
 * success. An exception escaping {@code execute} is treated by the router as {@link FailureKind#CRASHED}.
 */
public interface Provider {

    /** @return a unique id, e.g. {@code claude-code} */
    String id();

    /**
     * @return the task types served; empty means every type
     */
    default Set<TaskType> taskTypes() {
        return Set.of();
    }

    /**
     * @return free-form capabilities a request may require, e.g. {@code code-review}, {@code tools}, {@code vision}
     */
    default Set<String> capabilities() {
        return Set.of();
    }

    /** @return concurrency, rate and token limits and the context window */
    default ProviderLimits limits() {
        return ProviderLimits.unlimited();
    }

    /** @return how calls are priced */
    CostModel costModel();

    /**
     * The failover group: a rate-limited or overloaded provider is replaced first by another of the same group
     * (e.g. two deployments of the same model).
     *
     * @return the group name; the id by default
     */
    default String group() {
        return id();
    }

    /**
     * An active health check (e.g. {@code claude --version}, a cheap HTTP request). Must not throw.
     *
     * @return the probe's answer; healthy by default
     */
    default ProbeResult probe() {
        return ProbeResult.up();
    }

    /**
     * Runs one request.
     *
     * @param request the request
     * @return the typed result
     */
    ProviderResult execute(ProviderRequest request);
}
