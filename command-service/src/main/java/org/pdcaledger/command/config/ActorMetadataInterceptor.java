package org.pdcaledger.command.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CallerAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Stamps each command with the authenticated caller (name and grants, for the handlers' scope checks) and the
 * command's name; the correlation data provider then copies who and which command (not the grants) onto every
 * event the command causes, so the history can answer who did what under which rule.
 */
class ActorMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Caller caller = authentication instanceof CallerAuthentication authenticated
                ? authenticated.caller()
                : new Caller(SYSTEM, SYSTEM, List.of(), false);
        return (index, command) -> {
            if (command.getMetaData().containsKey(MetadataKeys.ACTOR)) {
                return command;
            }
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(MetadataKeys.ACTOR, caller.subject());
            metadata.put(MetadataKeys.ACTOR_NAME, caller.displayName());
            metadata.put(MetadataKeys.COMMAND, command.getPayloadType().getSimpleName());
            metadata.put(CallerParameterResolverFactory.GRANTS,
                    caller.grants().stream().map(Grant::toString).toList());
            metadata.put(CallerParameterResolverFactory.CLIENT, caller.client());
            if (!caller.rights().isEmpty()) {
                metadata.put(CallerParameterResolverFactory.RIGHTS, caller.rights().stream().sorted().toList());
            }
            return command.andMetaData(metadata);
        };
    }
}
