package org.pdcaledger.kernel.access;

/**
 * What a person or client may do within the units a grant covers.
 */
public enum Role {
    /** Manages units, frameworks, users, grants, integrations and rebuilds. */
    ADMIN,
    /** Reads everything in scope: maturity, rankings, trends, initiatives. */
    LEADER,
    /** Rates units against frameworks, submits and finalises assessments. */
    ASSESSOR,
    /** Launches initiatives and logs their plan-do-check-act cycles. */
    IMPROVER,
    /** An integrating system: reads the event feed and manages its own webhooks. */
    INTEGRATOR
}
