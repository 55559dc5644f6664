package dev.supervisor.auth.audit;

/**
 * Event names from the OWASP application logging vocabulary used by Supervisor.
 */
public final class AuditEvents {
    /** A login succeeded. */
    public static final String AUTHN_LOGIN_SUCCESS = "authn_login_success";
    /** A login failed. */
    public static final String AUTHN_LOGIN_FAIL = "authn_login_fail";
    /** An account was locked after repeated failures. */
    public static final String AUTHN_LOGIN_LOCK = "authn_login_lock";
    /** A refresh token was used twice: its whole family is revoked. */
    public static final String AUTHN_TOKEN_REUSE = "authn_token_reuse";
    /** A token was revoked. */
    public static final String AUTHN_TOKEN_REVOKED = "authn_token_revoked";
    /** An API key was created. */
    public static final String AUTHN_API_KEY_CREATED = "authn_api_key_created";
    /** An API key was revoked. */
    public static final String AUTHN_API_KEY_REVOKED = "authn_api_key_revoked";
    /** A permission check failed. */
    public static final String AUTHZ_FAIL = "authz_fail";
    /** Roles or permissions of a user changed. */
    public static final String AUTHZ_CHANGE = "authz_change";
    /** A rate limit refused a request. */
    public static final String EXCESS_RATE_LIMIT_EXCEEDED = "excess_rate_limit_exceeded";
    /** Input failed validation. */
    public static final String INPUT_VALIDATION_FAIL = "input_validation_fail";
    /** Input looked like an attack (flagged only; never blocks by itself). */
    public static final String MALICIOUS_ATTACK_TOOL = "malicious_attack_tool";

    private AuditEvents() {
    }
}
