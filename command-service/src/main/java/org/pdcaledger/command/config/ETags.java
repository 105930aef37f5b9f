package org.pdcaledger.command.config;

import org.pdcaledger.kernel.common.RuleViolationException;
import org.springframework.http.ResponseEntity;

/**
 * Aggregate versions travel as strong entity tags: a write answers with the version it produced in {@code ETag},
 * and the next write sends it back in {@code If-Match}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static long parseIfMatch(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new RuleViolationException("if-match-invalid", "If-Match",
                    "If-Match must be the version from an ETag, e.g. \"3\"");
        }
    }

    public static <T> ResponseEntity<T> withVersion(ResponseEntity.BodyBuilder builder, long version, T body) {
        return builder.eTag(of(version)).body(body);
    }
}
