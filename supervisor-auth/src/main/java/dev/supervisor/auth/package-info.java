/**
 * Security primitives for hosts: tokens, roles and permissions, API keys, passwords, MFA, rate limiting,
 * input validation, CORS and audit logging.
 */
package dev.supervisor.auth;
