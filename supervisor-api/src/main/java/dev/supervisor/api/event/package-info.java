/**
 * Sealed event records for the run and task lifecycle, and the {@link dev.supervisor.api.event.EventBus}
 * that delivers them. Analytics and hosts consume these without depending on the engine.
 */
package dev.supervisor.api.event;
