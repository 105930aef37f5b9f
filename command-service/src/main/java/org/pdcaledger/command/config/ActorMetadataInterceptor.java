package org.pdcaledger.command.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.support.security.CallerAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps each command with the authenticated caller and the command's name; the correlation data provider then
 * copies both onto every event the command causes, so the history can answer who did what under which rule.
 */
class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String actor = SYSTEM;
        String actorName = SYSTEM;
        if (authentication instanceof CallerAuthentication caller) {
            actor = caller.caller().subject();
            actorName = caller.caller().displayName();
        }
        String finalActor = actor;
        String finalName = actorName;
        return (index, command) -> {
            if (command.getMetaData().containsKey(MetadataKeys.ACTOR)) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(MetadataKeys.ACTOR, finalActor);
            metadata.put(MetadataKeys.ACTOR_NAME, finalName);
            metadata.put(MetadataKeys.COMMAND, command.getPayloadType().getSimpleName());
            return command.andMetaData(metadata);
        };
    }
}
