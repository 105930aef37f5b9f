package org.pdcaledger.command.config;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.support.security.Caller;

/**
 * Lets a command handler declare a {@link Caller} parameter: the person or client who sent the command, with their
 * grants, read from the command's metadata (put there by {@link ActorMetadataInterceptor}). Handlers use it for
 * scope checks next to their other rules. Registered through {@code META-INF/services}.
 */
public class CallerParameterResolverFactory implements ParameterResolverFactory {

    static final String GRANTS = "grants";
    static final String CLIENT = "client";
    /** A client's rights beyond its grants (OAuth2 scopes, e.g. {@code feedback:write}); absent for people. */
    static final String RIGHTS = "rights";

    @Override
    public ParameterResolver<Caller> createInstance(Executable executable, Parameter[] parameters, int index) {
        if (!Caller.class.equals(parameters[index].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public Caller resolveParameterValue(Message<?> message) {
                return callerOf(message);
            }

            @Override
            public boolean matches(Message<?> message) {
                return true;
            }
        };
    }

    static Caller callerOf(Message<?> message) {
        Object actor = message.getMetaData().get(MetadataKeys.ACTOR);
        Object name = message.getMetaData().get(MetadataKeys.ACTOR_NAME);
        Object grants = message.getMetaData().get(GRANTS);
        List<Grant> parsed = grants instanceof Collection<?> list
                ? list.stream().map(String::valueOf).map(Grant::parse).toList()
                : List.of();
        Object rights = message.getMetaData().get(RIGHTS);
        Set<String> parsedRights = rights instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.toSet())
                : Set.of();
        return new Caller(actor == null ? ActorMetadataInterceptor.SYSTEM : actor.toString(),
                name == null ? ActorMetadataInterceptor.SYSTEM : name.toString(), parsed,
                Boolean.TRUE.equals(message.getMetaData().get(CLIENT)), parsedRights);
    }
}
