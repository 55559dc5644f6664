/**
 * JWS compact tokens verified strictly on the JDK's crypto: the algorithm is pinned per key, {@code exp} is
 * required, encodings must be canonical, and headers that point elsewhere ({@code jku}, {@code x5u},
 * {@code jwk}, {@code x5c}) are refused rather than followed.
 */
package dev.supervisor.auth.jwt;
