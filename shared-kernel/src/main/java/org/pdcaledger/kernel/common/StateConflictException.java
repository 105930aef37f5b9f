package org.pdcaledger.kernel.common;

/**
 * The command is well-formed but the resource is not in a state that allows it (an initiative already completed,
 * an assessment already submitted). Answered with 409 Conflict.
 */
public class StateConflictException extends RuleViolationException {

    public StateConflictException(String code, String field, String message) {
        super(code, field, message);
    }
}
