package org.pdcaledger.command.config;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.pdcaledger.support.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps what Axon reports about versions and storage to problem responses: a stale {@code If-Match} is 412, a
 * conflict found only at append time is 409, an unreachable event store is 503 (and nothing was stored).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AxonProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(AxonProblemAdvice.class);

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "version-stale", "If-Match",
                "someone changed this after you read it: you sent version " + e.getExpectedVersion()
                        + ", the current version is " + e.getActualVersion());
        problem.setProperty("currentVersion", e.getActualVersion());
        return respond(problem, e.getActualVersion());
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrentWrite(RuntimeException e) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-modification", null,
                "another change to the same item was stored at the same moment; read it again and retry"), -1);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "id",
                "nothing with id " + e.getAggregateIdentifier() + " exists"), -1);
    }

    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<ProblemDetail> noHandler(NoHandlerForCommandException e) {
        log.error("command without handler", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "no-handler", null, "the command is not handled"),
                -1);
    }

    @ExceptionHandler({EventStoreException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(RuntimeException e) {
        log.warn("event store unavailable: {}", e.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "event-store-unavailable", null,
                "the event store cannot be reached; nothing was stored, try again shortly");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> executionFailed(CommandExecutionException e) {
        log.error("command failed", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "command-failed", null,
                "the command could not be processed"), -1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, long currentVersion) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (currentVersion >= 0) {
            builder.eTag(ETags.of(currentVersion));
        }
        return builder.body(problem);
    }
}
