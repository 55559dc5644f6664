/**
 * Metrics, streaming anomaly detection and forecasting over Supervisor's lifecycle events.
 */
package dev.supervisor.analytics;
