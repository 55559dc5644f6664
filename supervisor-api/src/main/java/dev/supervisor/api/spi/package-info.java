/**
 * Service-provider interfaces: {@link dev.supervisor.api.spi.TaskHandler} executes tasks of a type and
 * {@link dev.supervisor.api.spi.RunStore} persists every state transition.
 */
package dev.supervisor.api.spi;
