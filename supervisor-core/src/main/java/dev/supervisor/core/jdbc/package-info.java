/**
 * Durable stores on JDBC (PostgreSQL and H2; {@code java.sql} only, the driver is the application's): runs and task
 * rows (one table is both state and queue), cron schedule state, versioned migrations applied at start, claiming
 * with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL, leases, reclaim and version fencing.
 */
package dev.supervisor.core.jdbc;
