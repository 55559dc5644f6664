package dev.supervisor.api.event;

/**
 * Lifecycle events of a whole run.
 */
public sealed interface RunEvent extends SupervisorEvent
        permits RunStarted, RunFinished {
}
