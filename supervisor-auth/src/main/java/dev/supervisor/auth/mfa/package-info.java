/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226) with replay rejection and lockout, enrollment URIs,
 * and single-use hashed recovery codes.
 */
package dev.supervisor.auth.mfa;
