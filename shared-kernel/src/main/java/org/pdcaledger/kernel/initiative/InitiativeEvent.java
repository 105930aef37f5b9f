package org.pdcaledger.kernel.initiative;

/**
 * Every event of an initiative's life. Lets a projection fold them in one place, in the order they happened,
 * and lets the history treat them alike.
 */
public interface InitiativeEvent {

    String initiativeId();

    /** The cycle the event belongs to, counting from 1. */
    int cycle();
}
