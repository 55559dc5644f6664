/**
 * Security primitives for hosts: tokens, roles and permissions, API keys, passwords, MFA, rate limiting, input
 * validation, CORS and audit logging. Depends on neither the API nor the engine of Supervisor.
 *
 * <p>Only the API packages are exported; implementations live in packages named {@code internal}.
 */
module dev.supervisor.auth {
    // Verified JWTs and OIDC tokens carry their claims as Jackson trees.
    requires transitive com.fasterxml.jackson.databind;
    // OidcClient.Builder takes a java.net.http.HttpClient.
    requires transitive java.net.http;
    requires com.github.benmanes.caffeine;
    requires org.slf4j;
    requires owasp.encoder;
    // Optional: Argon2id (Argon2idHasher), used only when password4j is present. password4j declares no module
    // name, so its name comes from the jar file name.
    requires static password4j;

    exports dev.supervisor.auth.apikey;
    exports dev.supervisor.auth.audit;
    exports dev.supervisor.auth.cors;
    exports dev.supervisor.auth.guard;
    exports dev.supervisor.auth.jwt;
    exports dev.supervisor.auth.mfa;
    exports dev.supervisor.auth.net;
    exports dev.supervisor.auth.oidc;
    exports dev.supervisor.auth.password;
    exports dev.supervisor.auth.ratelimit;
    exports dev.supervisor.auth.rbac;
    exports dev.supervisor.auth.validation;
}
