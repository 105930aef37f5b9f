package org.pdcaledger.command.framework;

/**
 * One problem in a framework document: where (a path into the document such as
 * {@code dimensions[1].indicators[3].levels[0].level}), which rule, in words.
 */
public record DocumentProblem(String field, String code, String message) {
}
