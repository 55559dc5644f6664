/**
 * A small, safe expression language (a CEL-like subset) for task conditions and edge conditions: no reflection,
 * no scripting engine, hard limits on size, depth, cost and produced data, and errors that point at the source.
 */
package dev.supervisor.core.expr;
