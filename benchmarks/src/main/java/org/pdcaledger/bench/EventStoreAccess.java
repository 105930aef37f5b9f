package org.pdcaledger.bench;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The event store as the services see it (Axon's JDBC engine, the Jackson serializer configured as Spring Boot
 * configures it for them) and as plain JDBC sees it, for the limits the benchmark puts beside each number.
 */
final class EventStoreAccess implements AutoCloseable {

    /** A scratch copy of {@code DomainEventEntry} (same columns, keys and indexes) for the raw append limit. */
    static final String PROBE_TABLE = "BenchAppendProbe";

    private final String url;
    private final String user;
    private final String password;
    private final JacksonSerializer serializer;
    private final Connection appendConnection;
    private final JdbcEventStorageEngine appendEngine;

    EventStoreAccess(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.serializer = JacksonSerializer.builder().objectMapper(objectMapper()).build();
        this.appendConnection = connect();
        this.appendConnection.setAutoCommit(false);
        Connection shared = unclosable(appendConnection);
        this.appendEngine = engine(() -> shared);
    }

    /** The object mapper Spring Boot gives the services, with their {@code default-property-inclusion: non_null}. */
    static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    JacksonSerializer serializer() {
        return serializer;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private JdbcEventStorageEngine engine(org.axonframework.common.jdbc.ConnectionProvider connections) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(new EventSchema())
                .build();
    }

    /** Appends events exactly as the command side's engine would, in one transaction. */
    void append(List<? extends EventMessage<?>> events) throws SQLException {
        appendEngine.appendEvents(events);
        appendConnection.commit();
    }

    long count() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    long head() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The indicator codes of a published framework version, from the command side's catalog table. */
    List<String> indicatorCodes(String frameworkCode, int version) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT indicator_code FROM framework_indicator WHERE framework_code = ? AND framework_version = ? "
                        + "ORDER BY seq_no")) {
            statement.setString(1, frameworkCode);
            statement.setInt(2, version);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    codes.add(rows.getString(1));
                }
            }
        }
        return codes;
    }

    /** One stored row's type columns and payload text, for comparing generated rows with the services' own. */
    Map<String, String> row(String aggregateId, long sequenceNumber) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT type, payloadType, payloadRevision, payload, metaData FROM DomainEventEntry "
                        + "WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            statement.setString(1, aggregateId);
            statement.setLong(2, sequenceNumber);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Map.of();
                }
                return Map.of("type", String.valueOf(rows.getString(1)), "payloadType", rows.getString(2),
                        "payloadRevision", String.valueOf(rows.getString(3)),
                        "payload", new String(rows.getBytes(4), java.nio.charset.StandardCharsets.UTF_8),
                        "metaData", new String(rows.getBytes(5), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * The plan of the query that loads an aggregate (Axon's {@code readEventData} for one aggregate): it must use
     * the unique index on (aggregateIdentifier, sequenceNumber), never scan the table.
     */
    String aggregateLoadPlan(String aggregateId) throws SQLException {
        String sql = "EXPLAIN SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, "
                + "payloadType, payloadRevision, payload, metaData FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = '" + aggregateId.replace("'", "''") + "' AND sequenceNumber >= 0 "
                + "ORDER BY sequenceNumber ASC";
        StringBuilder plan = new StringBuilder();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString().trim();
    }

    /** Creates the scratch table the raw append limit is measured on. */
    void createProbeTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + PROBE_TABLE);
            statement.execute("CREATE TABLE " + PROBE_TABLE + " ("
                    + "globalIndex BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                    + "eventIdentifier VARCHAR(255) NOT NULL, aggregateIdentifier VARCHAR(255) NOT NULL, "
                    + "sequenceNumber BIGINT NOT NULL, type VARCHAR(255), timeStamp VARCHAR(255) NOT NULL, "
                    + "payloadType VARCHAR(255) NOT NULL, payloadRevision VARCHAR(255), payload BYTEA NOT NULL, "
                    + "metaData BYTEA, "
                    + "CONSTRAINT uk_bench_probe_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber), "
                    + "CONSTRAINT uk_bench_probe_identifier UNIQUE (eventIdentifier))");
        }
    }

    void dropProbeTable() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + PROBE_TABLE);
        }
    }

    /**
     * Inserts {@code rowsPerThread} rows of {@code sample} (fresh ids and sequence numbers) from each of
     * {@code threads} connections, each row its own transaction ({@code batch == 1}) or {@code batch} rows per
     * JDBC batch and transaction; answers rows per second.
     */
    double rawAppend(DomainEventMessage<?> sample, int threads, int rowsPerThread, int batch) throws Exception {
        SerializedObject<byte[]> payload = serializer.serialize(sample.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(sample.getMetaData(), byte[].class);
        String timestamp = sample.getTimestamp().toString();
        String sql = "INSERT INTO " + PROBE_TABLE + " (eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
                + "timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong rows = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        long begin = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                try (Connection connection = connect(); PreparedStatement insert = connection.prepareStatement(sql)) {
                    connection.setAutoCommit(batch == 1);
                    String aggregate = "probe-" + UUID.randomUUID();
                    for (int i = 0; i < rowsPerThread; i++) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, aggregate);
                        insert.setLong(3, i);
                        insert.setString(4, sample.getType());
                        insert.setString(5, timestamp);
                        insert.setString(6, payload.getType().getName());
                        insert.setString(7, payload.getType().getRevision());
                        insert.setBytes(8, payload.getData());
                        insert.setBytes(9, metaData.getData());
                        if (batch == 1) {
                            insert.executeUpdate();
                        } else {
                            insert.addBatch();
                            if ((i + 1) % batch == 0 || i == rowsPerThread - 1) {
                                insert.executeBatch();
                                connection.commit();
                            }
                        }
                        rows.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return rows.get() * 1e9 / (System.nanoTime() - begin);
    }

    /**
     * Reads every event from the start through the engine the query side uses and deserializes each payload: the
     * most a replay could do on this store with no projection work at all. Answers {events, seconds}.
     */
    double[] readAllAndDeserialize(long limit) throws SQLException {
        try (Connection connection = connect()) {
            Connection shared = unclosable(connection);
            JdbcEventStorageEngine reader = engine(() -> shared);
            long begin = System.nanoTime();
            long events = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = reader.readEvents(null, false)) {
                var iterator = stream.iterator();
                while (events < limit && iterator.hasNext()) {
                    TrackedEventMessage<?> event = iterator.next();
                    if (event.getPayload() == null) {
                        throw new IllegalStateException("event without payload at " + event.trackingToken());
                    }
                    events++;
                }
            }
            return new double[] {events, (System.nanoTime() - begin) / 1e9};
        }
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(EventStoreAccess.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        try {
            appendConnection.close();
        } catch (SQLException e) {
            // the store is going away with the stack
        }
    }
}
