package org.pdcaledger.kernel.feedback;

/**
 * Where a piece of citizen feedback came from (seeds 000 and 004: the 12345 citizen hotline, online forums, public
 * evaluation of organs, internal and external auditors).
 */
public enum FeedbackChannel {
    /** The 12345 citizen service hotline (12345市民热线): a work order of the hotline system. */
    HOTLINE_12345,
    /** An online forum or government portal message board (网络论坛、留言板). */
    FORUM,
    /** A public review or rating of a service (行风评议、好差评). */
    REVIEW,
    /** A finding of an internal or external auditor (内审、外审发现). */
    AUDIT_FINDING,
    /** Any other channel: a letter, a visit, a survey. */
    OTHER
}
