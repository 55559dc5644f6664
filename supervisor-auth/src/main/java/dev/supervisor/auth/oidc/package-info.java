/**
 * OAuth 2.0 / OpenID Connect client: authorization code with PKCE (S256 only), state and nonce, provider presets
 * (Google, GitHub, Microsoft) and discovery, code exchange over {@code java.net.http}, and ID-token validation
 * through a cached, rotating JWKS with the pinned-algorithm verifier of {@link dev.supervisor.auth.jwt}.
 */
package dev.supervisor.auth.oidc;
