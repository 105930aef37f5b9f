package org.pdcaledger.web.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a command answered: the body and the new version ({@code ETag}) when it succeeded, the problem when not.
 */
public record ServiceAnswer(int status, JsonNode body, Long version, ServiceProblem problem) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public boolean stale() {
        return problem != null && problem.stale();
    }

    /** A text property of the answer's body, e.g. the {@code unitId} of a registered unit. */
    public String text(String property) {
        return body == null || !body.hasNonNull(property) ? null : body.get(property).asText();
    }
}
