/**
 * Token-bucket rate limiting with integer nanosecond arithmetic and lock-free updates: several bandwidths per
 * limit, non-blocking and timed acquisition, and the figures behind {@code X-RateLimit-*} and {@code Retry-After}.
 */
package dev.supervisor.auth.ratelimit;
