package org.pdcaledger.kernel.initiative;

import java.time.Instant;

/**
 * Something the team noticed while carrying out a cycle's plan.
 *
 * @param by the display name of who logged it
 */
public record ObservationView(String text, Instant at, String by) {
}
