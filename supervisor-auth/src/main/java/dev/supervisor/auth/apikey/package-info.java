/**
 * API keys: a prefix, a random secret and a checksum; only a hash is stored; scopes enforced; expiry, rotation
 * with a grace period and last-used time; every refusal looks the same.
 */
package dev.supervisor.auth.apikey;
