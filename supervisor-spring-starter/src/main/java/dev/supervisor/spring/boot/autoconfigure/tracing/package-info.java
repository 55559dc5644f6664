/**
 * Tracing through Micrometer Observation: an observation (a span, with a tracing bridge) per run and per attempt,
 * the attempt's current on the handler's thread.
 */
package dev.supervisor.spring.boot.autoconfigure.tracing;
