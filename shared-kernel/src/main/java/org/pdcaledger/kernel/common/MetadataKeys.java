package org.pdcaledger.kernel.common;

/**
 * Keys of the metadata every event carries, so each change answers who, when and under which rule.
 * The command service copies them from the command onto every event the command causes.
 */
public final class MetadataKeys {

    /** The user name of the person or the client id of the integrator who issued the command. */
    public static final String ACTOR = "actor";
    /** The display name of the actor at the time of the command. */
    public static final String ACTOR_NAME = "actorName";
    /** The command that caused the event: the rule under which the change was accepted. */
    public static final String COMMAND = "command";

    private MetadataKeys() {
    }
}
