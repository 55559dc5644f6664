/**
 * Allow-list input validation (identifiers, names, emails, URLs, file paths, request paths, JSON), an SSRF guard
 * for outbound URLs, contextual output encoding, and injection signals that feed the audit log but never block.
 */
package dev.supervisor.auth.validation;
