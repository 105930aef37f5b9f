package org.pdcaledger.web.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's {@code application/problem+json} answer, as the pages need it: the stable {@code code}, the
 * {@code field} it is about and, for input with several mistakes, every one of them. Field names are the JSON paths
 * of the request ({@code name.zh}, {@code actions[0].dueDate}); the pages name their inputs the same way, so a
 * problem lands next to the input it is about.
 */
public record ServiceProblem(int status, String code, String field, String detail, List<FieldProblem> errors) {

    public ServiceProblem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** One mistake in the input: where, which rule, in the service's words. */
    public record FieldProblem(String field, String code, String message) {
    }

    /** Every field problem by field (the first per field); a problem without a list counts for its own field. */
    public Map<String, FieldProblem> byField() {
        Map<String, FieldProblem> fields = new LinkedHashMap<>();
        errors.forEach(error -> fields.putIfAbsent(error.field(), error));
        if (fields.isEmpty() && field != null) {
            fields.put(field, new FieldProblem(field, code, detail));
        }
        return fields;
    }

    /** Someone else wrote first: the version the form was made from is no longer the latest. */
    public boolean stale() {
        return status == 412 || "version-stale".equals(code);
    }
}
