package org.pdcaledger.support.problem;

import java.util.Comparator;
import java.util.List;

import org.pdcaledger.kernel.common.AccessDeniedException;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.common.StateConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.ConstraintViolationException;

/**
 * Maps every failure a request can meet to an {@code application/problem+json} answer that names the field and
 * the reason. Framework errors (wrong media type, unknown path) keep Spring's problem mapping; the product's own
 * rule violations and input errors are added here.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e) {
        HttpStatus status;
        if (e instanceof AccessDeniedException) {
            status = HttpStatus.FORBIDDEN;
        } else if (e instanceof NotFoundException) {
            status = HttpStatus.NOT_FOUND;
        } else if (e instanceof StateConflictException) {
            status = HttpStatus.CONFLICT;
        } else {
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        }
        return problem(Problems.of(status, e.code(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNodes(v.getPropertyPath().toString()),
                        constraintCode(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()),
                        v.getMessage()))
                .sorted(Comparator.comparing(Problems.FieldError::field))
                .toList();
        return problem(Problems.invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(Problems.invalid(List.of(new Problems.FieldError(e.getName(), "type",
                "is not a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName())))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(Problems.invalid(fieldErrors(e.getBindingResult()))));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(
                                result.getMethodParameter().getParameterName(),
                                constraintCode(error.getCodes() == null || error.getCodes().length == 0
                                        ? "invalid" : error.getCodes()[error.getCodes().length - 1]),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        if (errors.isEmpty()) {
            errors = List.of(new Problems.FieldError("request", "invalid", "is invalid"));
        }
        return asObject(problem(Problems.invalid(errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        Problems.FieldError error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = new Problems.FieldError(path(unknown), "unknown-field", "is not a known field");
        } else if (cause instanceof InvalidFormatException format) {
            error = new Problems.FieldError(path(format), "type",
                    "must be a valid " + format.getTargetType().getSimpleName());
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            error = new Problems.FieldError(path(mismatch), "type", "has the wrong type or shape");
        } else if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            error = new Problems.FieldError(path(mapping), "invalid", "could not be read");
        } else if (cause instanceof JsonProcessingException) {
            error = new Problems.FieldError("body", "malformed-json", "is not well-formed JSON");
        } else {
            error = new Problems.FieldError("body", "unreadable", "is missing or cannot be read");
        }
        return asObject(problem(Problems.invalid(List.of(error))));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException binding,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!(binding instanceof MissingRequestHeaderException e)) {
            return super.handleServletRequestBindingException(binding, headers, status, request);
        }
        if (HttpHeaders.IF_MATCH.equalsIgnoreCase(e.getHeaderName())) {
            return asObject(problem(Problems.of(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match",
                    "send the version you saw in If-Match; a write without it could overwrite a colleague's change")));
        }
        return asObject(problem(Problems.invalid(List.of(
                new Problems.FieldError(e.getHeaderName(), "required", "header is required")))));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", statusCode.is4xxClientError() ? "request-rejected" : "server-error");
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static List<Problems.FieldError> fieldErrors(BindingResult result) {
        List<Problems.FieldError> errors = new java.util.ArrayList<>();
        result.getFieldErrors().forEach(f -> errors.add(new Problems.FieldError(f.getField(),
                constraintCode(f.getCode()), String.valueOf(f.getDefaultMessage()))));
        result.getGlobalErrors().forEach(g -> errors.add(new Problems.FieldError(g.getObjectName(),
                constraintCode(g.getCode()), String.valueOf(g.getDefaultMessage()))));
        errors.sort(Comparator.comparing(Problems.FieldError::field));
        return errors;
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNodes(String propertyPath) {
        int firstDot = propertyPath.indexOf('.');
        return firstDot < 0 ? propertyPath : propertyPath.substring(firstDot + 1);
    }

    private static String constraintCode(String annotationName) {
        if (annotationName == null) {
            return "invalid";
        }
        return annotationName.replaceAll("(?<=[a-z])(?=[A-Z])", "-").toLowerCase();
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }
}
