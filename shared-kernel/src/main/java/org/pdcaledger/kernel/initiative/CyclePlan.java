package org.pdcaledger.kernel.initiative;

import java.time.Instant;

/**
 * The Plan of a cycle (规划): what it aims at, why the team expects it to work, and how success is judged.
 *
 * @param recordedAt when the plan was last recorded or revised
 */
public record CyclePlan(String objective, String hypothesis, String successCriterion, Instant recordedAt) {
}
