/**
 * Compact, index-based workflow graphs and the algorithms over them (validation, topological order,
 * critical path, exports). Everything here is iterative, so million-task workflows never overflow the stack.
 */
package dev.supervisor.core.graph;
