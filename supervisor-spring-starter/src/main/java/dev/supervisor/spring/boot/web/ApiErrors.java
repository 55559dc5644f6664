package dev.supervisor.spring.boot.web;

import dev.supervisor.core.SubmissionRejectedException;
import dev.supervisor.core.ValidationProblem;
import dev.supervisor.core.WorkflowValidationException;
import dev.supervisor.core.json.WorkflowFormatException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 9457 problem ({@code application/problem+json}): a type
 * {@code urn:supervisor:problem:<name>}, the status, a detail naming what was wrong and, where a field was at fault,
 * its JSON {@code pointer}, {@code line} and {@code column}. Spring MVC's own errors (wrong method, media type,
 * missing parameter) come in the same shape.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
public class ApiErrors extends ResponseEntityExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    static final String TYPE_PREFIX = "urn:supervisor:problem:";

    /**
     * @param e a refused request
     * @param request the request
     * @return its problem
     */
    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> refused(ApiException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"supervisor\"");
        }
        return problem(e.status(), e.type(), e.getMessage(), e.properties(), request, headers);
    }

    /**
     * @param e a workflow with errors
     * @param request the request
     * @return 422 listing every problem
     */
    @ExceptionHandler(WorkflowValidationException.class)
    public ResponseEntity<ProblemDetail> invalidWorkflow(WorkflowValidationException e, HttpServletRequest request) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<Map<String, Object>> errors = problems(e.problems(), true);
        props.put("workflowId", e.workflowId());
        props.put("errors", errors);
        props.put("warnings", problems(e.problems(), false));
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "workflow-invalid", "workflow '" + e.workflowId() + "' has "
                + errors.size() + (errors.size() == 1 ? " error" : " errors"), props, request, null);
    }

    /** A task type without a handler is only a warning when validating, but it refuses a submission. */
    private static boolean fatal(ValidationProblem p) {
        return p.isError() || p.kind() == ValidationProblem.Kind.NO_HANDLER;
    }

    private static List<Map<String, Object>> problems(List<ValidationProblem> all, boolean errors) {
        return all.stream().filter(p -> fatal(p) == errors).map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", p.kind().name());
            m.put("taskIds", p.taskIds());
            m.put("message", p.message());
            return m;
        }).toList();
    }

    /**
     * @param e a malformed workflow document
     * @param request the request
     * @return 422 naming the field and its position
     */
    @ExceptionHandler(WorkflowFormatException.class)
    public ResponseEntity<ProblemDetail> malformedWorkflow(WorkflowFormatException e, HttpServletRequest request) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("pointer", e.pointer());
        if (e.line() > 0) {
            props.put("line", e.line());
            props.put("column", e.column());
        }
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-field", e.getMessage(), props, request, null);
    }

    /**
     * @param e the supervisor is full or shutting down
     * @param request the request
     * @return 429 with {@code Retry-After}
     */
    @ExceptionHandler(SubmissionRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(SubmissionRejectedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return problem(HttpStatus.TOO_MANY_REQUESTS, "submission-rejected", e.getMessage(), Map.of(), request,
                headers);
    }

    /**
     * @param e a value a builder refused (its message names the option and the value)
     * @param request the request
     * @return 400
     */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> badValue(IllegalArgumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage(), Map.of(), request, null);
    }

    /**
     * @param e anything else
     * @param request the request
     * @return 500 without internals (they go to the log)
     */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest request) {
        LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the request failed; the server log has the "
                + "details", Map.of(), request, null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail pd) {
            pd.setType(URI.create(TYPE_PREFIX + "request"));
            if (request instanceof ServletWebRequest s) {
                pd.setInstance(URI.create(s.getRequest().getRequestURI()));
            }
            return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        return r;
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
                                                 Map<String, Object> props, HttpServletRequest request,
                                                 HttpHeaders headers) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_PREFIX + type));
        pd.setTitle(status.getReasonPhrase());
        pd.setInstance(URI.create(request.getRequestURI()));
        props.forEach(pd::setProperty);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (headers != null) {
            b.headers(headers);
        }
        return b.body(pd);
    }
}
