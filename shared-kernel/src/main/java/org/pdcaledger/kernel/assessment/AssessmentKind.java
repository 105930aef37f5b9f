package org.pdcaledger.kernel.assessment;

/**
 * Who looks at the unit: the unit itself, or assessors from outside it (an inspection, an external audit).
 */
public enum AssessmentKind {
    SELF,
    EXTERNAL
}
