package org.pdcaledger.query.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * Wires the read side: a MongoDB client for the read models (mongodb-driver-sync), Axon's {@link MongoTokenStore}
 * beside them (the extension's Spring auto-configuration stops at 4.10, so the beans are declared here), and an
 * event store that only reads: the same JDBC engine the command side appends to, polled every
 * {@code pdca.eventstore.fetch-delay}.
 * <p>
 * No Mongo transaction manager: mongo-java-server has no sessions, and token and view writes are not atomic
 * together anyway, so every projection is idempotent instead. View documents are written once per batch, after its
 * last event and before the token ({@link ViewWriteBehind}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadStoreProperties.class)
public class ReadStoreConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(ReadStoreProperties properties) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS))
                .applicationName("pdca-query-service")
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase readStore(MongoClient client, ReadStoreProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    TokenStore tokenStore(MongoDatabase readStore, Serializer serializer,
            @Value("${pdca.tokens.claim-timeout:PT10S}") Duration claimTimeout) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(readStore).build())
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
            TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    @Bean
    EventStore eventStore(EventStorageEngine storageEngine,
            @Value("${pdca.eventstore.fetch-delay:PT0.05S}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .fetchDelay(fetchDelay.toMillis())
                .cleanupDelay(10_000)
                .build();
    }

    @Bean
    ConfigurerModule pooledProcessors(@Value("${pdca.projections.batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((config, builder) -> builder
                        .batchSize(batchSize)
                        .initialSegmentCount(1)
                        .claimExtensionThreshold(5_000))
                .registerDefaultHandlerInterceptor((config, name) -> (unitOfWork, chain) -> {
                    Object result = chain.proceed();
                    ViewWriteBehind.flushAfterLastEvent(unitOfWork);
                    return result;
                }));
    }
}
