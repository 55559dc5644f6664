/**
 * CORS decisions (exact origins with scheme and port, anchored subdomain wildcards, credentials rules, preflight)
 * and the security headers every response should carry.
 */
package dev.supervisor.auth.cors;
