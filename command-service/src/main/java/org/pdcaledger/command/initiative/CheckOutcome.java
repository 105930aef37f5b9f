package org.pdcaledger.command.initiative;

import org.pdcaledger.kernel.initiative.CheckResult;

/**
 * What a Check answers: the new version, the result the measurements give and the team's conclusion.
 */
record CheckOutcome(long version, CheckResult computedResult, CheckResult result) {
}
