/**
 * The Supervisor engine: {@link dev.supervisor.core.Supervisor}, its configuration, workflow validation and
 * analysis. Implementations live in {@code internal} packages.
 */
package dev.supervisor.core;
