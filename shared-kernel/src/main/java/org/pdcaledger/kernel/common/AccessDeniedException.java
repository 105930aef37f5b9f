package org.pdcaledger.kernel.common;

/**
 * The caller's roles and unit scopes do not cover the command or query. Answered with 403.
 */
public class AccessDeniedException extends RuleViolationException {

    public AccessDeniedException(String message) {
        super("access-denied", null, message);
    }
}
