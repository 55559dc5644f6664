/**
 * Workflow specifications as JSON documents: {@link dev.supervisor.core.json.WorkflowJson} reads them with errors
 * that name the field and its line and column, and writes them back.
 */
package dev.supervisor.core.json;
