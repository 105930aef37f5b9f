package org.pdcaledger.command.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store is Axon's JDBC engine over the schema that Flyway creates (docs/adr/0001). This class adds what
 * the auto-configuration lacks: a duplicate-key resolver that works on H2 and PostgreSQL, and the metadata
 * (who, under which command) copied onto every event.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(MetadataKeys.ACTOR, MetadataKeys.ACTOR_NAME, MetadataKeys.COMMAND);
    }

    @Bean
    CorrelationDataProvider originCorrelation() {
        return new MessageOriginProvider();
    }

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> actorMetadataInterceptor() {
        return new ActorMetadataInterceptor();
    }
}
