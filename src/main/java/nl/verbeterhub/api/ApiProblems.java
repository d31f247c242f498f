package nl.verbeterhub.api;

import nl.verbeterhub.ops.ConnectorControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as an RFC 9457 problem; an unforeseen one by its class only (it may quote input). */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger PROBLEMS = LoggerFactory.getLogger(ApiProblems.class);

    // Spring MVC's own exceptions (400, 404, 405, 415, …) are answered as problems by the base class.

    @ExceptionHandler(ApiException.class)
    ProblemDetail refused(ApiException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }

    @ExceptionHandler(ConnectorControl.NotApplicable.class)
    ProblemDetail notApplicable(ConnectorControl.NotApplicable e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ConnectorControl.NoSuchErrorFile.class)
    ProblemDetail noSuchFile(ConnectorControl.NoSuchErrorFile e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unforeseen(Exception e) {
        PROBLEMS.warn("API request failed: {}", e.getClass().getSimpleName());
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR: " + e.getClass().getSimpleName());
    }
}
