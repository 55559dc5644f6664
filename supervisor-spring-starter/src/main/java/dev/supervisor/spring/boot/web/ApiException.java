package dev.supervisor.spring.boot.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, rendered as an RFC 9457 problem: its status, a problem type, a detail and extra
 * members (for example the {@code parameter} at fault).
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;
    private final String type;
    private final transient Map<String, Object> properties;

    /**
     * @param status the HTTP status
     * @param type the problem type's last segment, e.g. {@code not-found}
     * @param detail what happened, for a person
     * @param properties extra problem members (copied)
     */
    public ApiException(HttpStatus status, String type, String detail, Map<String, ?> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.properties = new LinkedHashMap<>(properties);
    }

    /** @return the HTTP status */
    public HttpStatus status() {
        return status;
    }

    /** @return the problem type's last segment */
    public String type() {
        return type;
    }

    /** @return extra problem members */
    public Map<String, Object> properties() {
        return properties;
    }

    static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "no " + what + " '" + id + "'",
                Map.of(what.replace(' ', '-') + "Id", id));
    }

    static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", detail, Map.of());
    }

    static ApiException badParameter(String parameter, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-parameter", parameter + ": " + reason,
                Map.of("parameter", parameter));
    }

    static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.NOT_IMPLEMENTED, "not-configured", detail, Map.of());
    }
}
