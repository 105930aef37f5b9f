package org.pdcaledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.config.DuplicateKeyResolver;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the product needs from its event store, run against each database it supports: the schema from the
 * product's own migrations, Axon's JDBC engine, the product's duplicate-key resolver.
 */
abstract class EventStoreContract {

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();
    private DataSource dataSource;

    protected abstract DataSource dataSource();

    @BeforeEach
    void freshSchema() {
        dataSource = dataSource();
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .cleanDisabled(false).load();
        flyway.clean();
        flyway.migrate();
    }

    /** Wired as in the service: Spring-managed transactions, so a failed batch rolls back as a whole. */
    private JdbcEventStorageEngine engine() {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .persistenceExceptionResolver(new DuplicateKeyResolver())
                .schema(new EventSchema())
                .build();
    }

    private static DomainEventMessage<?> event(String unitId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Unit", unitId, sequence, payload);
    }

    private static UnitRegisteredEvent registered(String unitId) {
        return new UnitRegisteredEvent(unitId, "C-" + unitId, new LocalizedName("单位" + unitId, "Unit " + unitId),
                null);
    }

    private static UnitRenamedEvent renamed(String unitId, int n) {
        return new UnitRenamedEvent(unitId, new LocalizedName("名称" + n, "Name " + n));
    }

    @Test
    void appendedEvents_loadInSequence_withTheirPayloads() {
        JdbcEventStorageEngine engine = engine();
        engine.appendEvents(event("u-1", 0, registered("u-1")), event("u-1", 1, renamed("u-1", 1)));
        engine.appendEvents(event("u-2", 0, registered("u-2")));
        engine.appendEvents(event("u-1", 2, renamed("u-1", 2)));

        List<? extends DomainEventMessage<?>> loaded = engine.readEvents("u-1").asStream().toList();

        assertThat(loaded).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(loaded.get(0).getPayload()).isEqualTo(registered("u-1"));
        assertThat(loaded.get(2).getPayload()).isEqualTo(renamed("u-1", 2));
        assertThat(engine.lastSequenceNumberFor("u-1")).hasValue(2L);
    }

    @Test
    void appendingAnExistingSequenceNumber_isAConcurrencyConflict_andStoresNothing() {
        JdbcEventStorageEngine engine = engine();
        engine.appendEvents(event("u-1", 0, registered("u-1")), event("u-1", 1, renamed("u-1", 1)));

        assertThatThrownBy(() -> engine.appendEvents(event("u-1", 1, renamed("u-1", 99)),
                event("u-1", 2, renamed("u-1", 100))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(event("u-1", 0, registered("u-1"))))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(engine.readEvents("u-1").asStream().map(m -> (Object) m.getPayload()).toList())
                .containsExactly(registered("u-1"), renamed("u-1", 1));
    }

    @Test
    void trackingFromPositionN_returnsEveryLaterEvent_inGlobalOrder() {
        JdbcEventStorageEngine engine = engine();
        IntStream.range(0, 10).forEach(i -> engine.appendEvents(event("u-" + i, 0, registered("u-" + i))));
        List<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false).toList();
        assertThat(all).hasSize(10);
        long positionOfFourth = all.get(3).trackingToken().position().orElseThrow();

        List<? extends TrackedEventMessage<?>> after = engine
                .readEvents(GapAwareTrackingToken.newInstance(positionOfFourth, Collections.emptySet()), false)
                .toList();

        assertThat(after).extracting(m -> ((UnitRegisteredEvent) m.getPayload()).unitId())
                .containsExactly("u-4", "u-5", "u-6", "u-7", "u-8", "u-9");
        List<Long> positions = after.stream().map(m -> m.trackingToken().position().orElseThrow()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aRestartedProcessor_resumesFromItsStoredToken() {
        List<String> firstRun = Collections.synchronizedList(new ArrayList<>());
        JdbcEventStorageEngine engine = engine();
        IntStream.range(0, 3).forEach(i -> engine.appendEvents(event("u-" + i, 0, registered("u-" + i))));

        PooledStreamingEventProcessor first = processor(engine, firstRun);
        first.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> firstRun.size() == 3);
        first.shutDown();

        IntStream.range(3, 5).forEach(i -> engine.appendEvents(event("u-" + i, 0, registered("u-" + i))));
        List<String> secondRun = Collections.synchronizedList(new ArrayList<>());
        PooledStreamingEventProcessor restarted = processor(engine(), secondRun);
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> secondRun.contains("u-4"));
            assertThat(firstRun).containsExactly("u-0", "u-1", "u-2");
            assertThat(secondRun).containsExactly("u-3", "u-4");
        } finally {
            restarted.shutDown();
        }
    }

    private PooledStreamingEventProcessor processor(JdbcEventStorageEngine engine, List<String> seen) {
        JdbcTokenStore tokens = JdbcTokenStore.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .schema(new TokenSchema())
                .build();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        return PooledStreamingEventProcessor.builder()
                .name("contract")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers((org.axonframework.eventhandling.EventMessageHandler) message -> {
                            seen.add(((UnitRegisteredEvent) message.getPayload()).unitId());
                            return null;
                        })
                        .build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(20).build())
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(1)
                .build();
    }
}
