/**
 * Spring Boot auto-configuration of a {@link dev.supervisor.core.Supervisor}: properties under
 * {@code supervisor.*}, every {@link dev.supervisor.api.spi.TaskHandler} bean registered for the types it declares.
 */
package dev.supervisor.spring.boot.autoconfigure;
