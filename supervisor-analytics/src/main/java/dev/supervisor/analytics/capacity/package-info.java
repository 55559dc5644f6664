/**
 * Capacity predictions for provider routing: {@link dev.supervisor.analytics.capacity.ForecastingCapacityAdvisor}
 * implements the {@link dev.supervisor.api.provider.CapacityAdvisor} SPI from recorded provider calls and the
 * forecasters of {@link dev.supervisor.analytics.forecast}.
 */
package dev.supervisor.analytics.capacity;
