package dev.supervisor.spring.boot.dashboard;

import dev.supervisor.spring.boot.web.ApiErrors;
import dev.supervisor.spring.boot.web.ApiException;
import dev.supervisor.core.SubmissionRejectedException;
import dev.supervisor.core.WorkflowValidationException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The dashboard's endpoints answer errors as the REST API does (RFC 9457 problem details), including the 401 and
 * 403 of the API's permission check, by handing them to the API's {@link ApiErrors}.
 */
@RestControllerAdvice(basePackageClasses = DashboardErrors.class)
public class DashboardErrors {
    private final ApiErrors errors;

    /** @param errors the API's problem details */
    public DashboardErrors(ApiErrors errors) {
        this.errors = errors;
    }

    /**
     * @param e a refused request
     * @param request the request
     * @return its problem
     */
    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> refused(ApiException e, HttpServletRequest request) {
        return errors.refused(e, request);
    }

    /**
     * @param e a retry the supervisor refused (shutting down, or too many active runs)
     * @param request the request
     * @return 429 or 503 with the reason
     */
    @ExceptionHandler(SubmissionRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(SubmissionRejectedException e, HttpServletRequest request) {
        return errors.rejected(e, request);
    }

    /**
     * @param e a retry of a workflow that no longer validates (a handler went away)
     * @param request the request
     * @return 422 listing every problem
     */
    @ExceptionHandler(WorkflowValidationException.class)
    public ResponseEntity<ProblemDetail> invalidWorkflow(WorkflowValidationException e, HttpServletRequest request) {
        return errors.invalidWorkflow(e, request);
    }

    /**
     * @param e anything else
     * @param request the request
     * @return 500, logged
     */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> unexpected(RuntimeException e, HttpServletRequest request) {
        return errors.unexpected(e, request);
    }
}
