package org.pdcaledger.kernel.initiative;

import java.util.List;

/**
 * One page of the initiative list.
 *
 * @param next the cursor for the following page ({@code ?cursor=}), or {@code null} on the last page
 */
public record InitiativePage(List<InitiativeSummary> items, String next) {
}
