package dev.supervisor.core.json.internal;

/**
 * A problem at a field of a document, not yet located in its text.
 *
 * @param pointer the JSON pointer of the field
 * @param reason what is wrong
 * @param cause the failure behind it, or null
 */
public record FieldProblem(String pointer, String reason, Throwable cause) {
}
