/**
 * Helpers of validation messages shared with the JSON reader: "did you mean" suggestions and text made safe for a
 * one-line message. Not part of the public API.
 */
package dev.supervisor.core.graph.internal;
