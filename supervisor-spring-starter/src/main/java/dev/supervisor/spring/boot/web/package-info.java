/**
 * The REST API under {@code /supervisor/api}: runs (submit a workflow document, read a run with its tasks, list,
 * cancel), a run's events as JSON or as Server-Sent Events, schedules, providers, analytics and the audit trail.
 * Every endpoint declares the permission it needs ({@link dev.supervisor.spring.boot.web.ApiPermission}), checked
 * against the caller's roles by {@link dev.supervisor.spring.boot.web.ApiAccess}; errors are RFC 9457 problem
 * details naming the field at fault.
 */
package dev.supervisor.spring.boot.web;
