package dev.supervisor.api.provider;

/** What a quota counts. */
public enum QuotaResource {
    /** Calls. */
    REQUESTS,
    /** Input plus output tokens. */
    TOKENS
}
