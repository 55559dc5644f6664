/**
 * Helpers of the graph package: "did you mean" suggestions and text made safe for a one-line message (shared with
 * the JSON reader), and the engine's access to a graph's arrays without copies. Not part of the public API.
 */
package dev.supervisor.core.graph.internal;
