/**
 * Tamper-evident, injection-safe audit logging with the OWASP logging vocabulary: secrets are redacted by type,
 * control characters escaped, and an optional hash chain lets a verifier detect an edited or removed record.
 */
package dev.supervisor.auth.audit;
