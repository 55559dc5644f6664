/**
 * Security of Supervisor's HTTP paths from supervisor-auth: tokens, API keys, roles, rate limits, address blocking,
 * CORS and security headers — as Spring Security parts when it is present, as one servlet filter otherwise.
 */
package dev.supervisor.spring.boot.autoconfigure.security;
