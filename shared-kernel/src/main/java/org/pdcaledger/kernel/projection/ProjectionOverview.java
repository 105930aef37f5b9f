package org.pdcaledger.kernel.projection;

import java.util.List;

/**
 * Every read model of the query service against the event store's head: what an administrator checks before and
 * during a rebuild.
 *
 * @param head        the event store's newest global position
 * @param projections one entry per processing group, by name
 */
public record ProjectionOverview(long head, List<ProjectionStatus> projections) {
}
