package org.pdcaledger.kernel.common;

/**
 * A command broke a business rule. Carries the field the rule is about (a JSON path into the request, or
 * {@code null} when the rule concerns the whole resource) and a stable, machine-readable code, so the HTTP edge can
 * answer with a problem document that names both. Subclasses say which family of rule was broken.
 */
public class RuleViolationException extends RuntimeException {

    private final String code;
    private final String field;

    public RuleViolationException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
