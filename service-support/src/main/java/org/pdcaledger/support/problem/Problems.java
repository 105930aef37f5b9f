package org.pdcaledger.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents in the product's one shape: a {@code type} URN from a stable code, the
 * {@code field} the problem is about (a JSON path into the request, when there is one) and, for input with
 * several mistakes, every one of them under {@code errors}.
 */
public final class Problems {

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create("urn:pdca-ledger:problem:" + code);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    public static ProblemDetail invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", errors.get(0).field(), detail);
        problem.setProperty("errors", errors.stream().map(FieldError::asMap).toList());
        return problem;
    }

    /** One mistake in the request: where (JSON path), what rule, in words. */
    public record FieldError(String field, String code, String message) {

        Map<String, String> asMap() {
            return Map.of("field", field, "code", code, "message", message);
        }
    }
}
