/**
 * Actuator health contributors (engine, JDBC store, cron scheduler, provider circuits) and the info contributor
 * (versions, time-zone database).
 */
package dev.supervisor.spring.boot.autoconfigure.health;
