package org.pdcaledger.kernel.feedback;

/**
 * What the citizen wanted, as hotline systems classify a work order (诉求类型). Volume counts every kind; the
 * complaint counts that rank gaps and judge an initiative's effect count only {@link #COMPLAINT}, so that praise on
 * a forum never makes a gap look worse.
 */
public enum FeedbackKind {
    /** A complaint, report or request for help about a shortcoming (投诉、举报、求助). The default. */
    COMPLAINT,
    /** A suggestion for improvement (建议). */
    SUGGESTION,
    /** A question (咨询). */
    INQUIRY,
    /** Praise (表扬). */
    PRAISE
}
