package org.pdcaledger.command.config;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a unique-key violation (SQLState 23505) wherever the driver puts it, so that two writers appending the
 * same aggregate sequence number get Axon's {@code ConcurrencyException} (a 409 for the user) rather than a generic
 * storage error. H2 hides the state behind {@link SQLException#getNextException()}, PostgreSQL raises it directly;
 * Axon's default resolver misses both.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Throwable current = exception;
        int depth = 0;
        while (current != null && depth++ < 32) {
            if (current instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
