/**
 * Conditional flow: how trigger rules, edge conditions and branch decisions decide whether a task runs.
 */
package dev.supervisor.core.flow;
