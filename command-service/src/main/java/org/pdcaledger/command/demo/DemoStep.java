package org.pdcaledger.command.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.common.MetadataKeys;

/**
 * One command of the demo history: the business day it belongs to (which orders the history), the aggregate it goes
 * to and the sequence number of the one event it stores there. Every command the demo sends stores exactly one
 * event, so a step whose sequence number the aggregate already has was done by an earlier (or a parallel) load.
 */
record DemoStep(LocalDate on, String aggregateId, long sequence, Object command, Actor actor) {

    /** Who sends the command: the user name and display name for the history, the grants for the scope checks. */
    record Actor(String user, String name, List<String> grants) {

        Map<String, Object> metadata(Object command) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(MetadataKeys.ACTOR, user);
            metadata.put(MetadataKeys.ACTOR_NAME, name);
            metadata.put(MetadataKeys.COMMAND, command.getClass().getSimpleName());
            metadata.put("grants", grants);
            return metadata;
        }
    }

    String describe() {
        return command.getClass().getSimpleName() + " on " + aggregateId + " (event " + sequence + ", as " + actor.user()
                + ")";
    }
}
