/**
 * A framework-neutral request guard: method, path, headers and peer address in; a decision with its status and
 * headers out. The Spring starter (or any server) wires it as a filter.
 */
package dev.supervisor.auth.guard;
