/**
 * Implementations of the provider router and the built-in providers. Not part of the public API.
 */
package dev.supervisor.core.provider.internal;
