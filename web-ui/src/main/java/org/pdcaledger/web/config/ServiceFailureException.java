package org.pdcaledger.web.config;

/**
 * A read a page depends on failed: the service is unreachable, or answered something other than success or "not
 * found". The page advice shows it as an error page that says what to do.
 */
public class ServiceFailureException extends RuntimeException {

    private final int status;
    private final ServiceProblem problem;

    public ServiceFailureException(int status, ServiceProblem problem, String message) {
        super(message);
        this.status = status;
        this.problem = problem;
    }

    /** 503 when the service could not be reached. */
    public int status() {
        return status;
    }

    public ServiceProblem problem() {
        return problem;
    }
}
