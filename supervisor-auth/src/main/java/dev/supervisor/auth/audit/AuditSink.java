package dev.supervisor.auth.audit;

/**
 * Where audit records go (a log, a database, a SIEM). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AuditSink {
    /**
     * @param record a redacted, escaped record
     */
    void accept(AuditRecord record);

    /** @return a sink that writes JSON lines to the SLF4J logger {@code dev.supervisor.audit} at INFO */
    static AuditSink slf4j() {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("dev.supervisor.audit");
        return r -> log.info("{}", r.toJsonLine());
    }
}
