/**
 * Providers and routing from {@code supervisor.providers.*}: the router, the providers it routes to, and the task
 * types it serves.
 */
package dev.supervisor.spring.boot.autoconfigure.provider;
