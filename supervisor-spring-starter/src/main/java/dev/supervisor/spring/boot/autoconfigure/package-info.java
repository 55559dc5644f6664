/**
 * Spring Boot auto-configuration of Supervisor: the engine, its stores, cluster mode and the cron scheduler from
 * {@code supervisor.*} properties, tied to the context's lifecycle; the parts in the sub-packages (providers,
 * analytics, metrics, tracing, health, security, plugins) each have their own auto-configuration and switch.
 */
package dev.supervisor.spring.boot.autoconfigure;
