package org.pdcaledger.kernel.common;

/**
 * The command or query names something that does not exist (or that the caller may not know of). Answered with 404.
 */
public class NotFoundException extends RuleViolationException {

    public NotFoundException(String code, String field, String message) {
        super(code, field, message);
    }
}
