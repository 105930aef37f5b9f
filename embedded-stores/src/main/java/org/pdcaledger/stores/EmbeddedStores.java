package org.pdcaledger.stores;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;

import org.h2.tools.Server;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The embedded default stores in one small process, so that the three services are started exactly as they are in
 * production and only their URLs differ:
 * <ul>
 *   <li>the event store: an H2 file database ({@code <data>/eventstore.mv.db}) served by H2's TCP server on
 *       {@code PDCA_H2_PORT} (default 9095), loopback only;</li>
 *   <li>the read store: mongo-java-server with its H2 (MVStore) backend in {@code <data>/readstore.mv}, speaking the
 *       MongoDB wire protocol on {@code PDCA_MONGO_PORT} (default 27018, so a real MongoDB on 27017 is untouched).</li>
 * </ul>
 * Production replaces this process with PostgreSQL and a MongoDB replica set (README, "Production stores").
 */
public final class EmbeddedStores implements AutoCloseable {

    private final Server h2;
    private final MongoServer mongo;
    private final H2Backend mongoBackend;

    private EmbeddedStores(Server h2, MongoServer mongo, H2Backend mongoBackend) {
        this.h2 = h2;
        this.mongo = mongo;
        this.mongoBackend = mongoBackend;
    }

    public static EmbeddedStores start(Path dataDir, int h2Port, int mongoPort) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        requireFree("PDCA_H2_PORT", h2Port);
        requireFree("PDCA_MONGO_PORT", mongoPort);
        Server h2 = Server.createTcpServer(
                "-tcpPort", Integer.toString(h2Port),
                "-baseDir", dataDir.toAbsolutePath().toString(),
                "-ifNotExists").start();
        H2Backend backend = new H2Backend(dataDir.resolve("readstore.mv").toAbsolutePath().toString());
        MongoServer mongo = new MongoServer(backend);
        try {
            mongo.bind("127.0.0.1", mongoPort);
        } catch (RuntimeException e) {
            h2.stop();
            backend.close();
            throw e;
        }
        return new EmbeddedStores(h2, mongo, backend);
    }

    private static void requireFree(String setting, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new PortTakenException(setting, port);
        }
    }

    public int h2Port() {
        return h2.getPort();
    }

    public int mongoPort() {
        return mongo.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        mongo.shutdown();
        mongoBackend.close();
        h2.stop();
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(env("PDCA_DATA_DIR", "data"));
        int h2Port = Integer.parseInt(env("PDCA_H2_PORT", "9095"));
        int mongoPort = Integer.parseInt(env("PDCA_MONGO_PORT", "27018"));
        EmbeddedStores stores;
        try {
            stores = start(dataDir, h2Port, mongoPort);
        } catch (PortTakenException e) {
            System.err.println("embedded-stores: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stores.close();
            stopped.countDown();
        }, "embedded-stores-shutdown"));
        System.out.printf("embedded-stores ready: event store jdbc:h2:tcp://localhost:%d/eventstore, "
                + "read store mongodb://localhost:%d, data in %s%n", stores.h2Port(), stores.mongoPort(),
                dataDir.toAbsolutePath());
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static final class PortTakenException extends RuntimeException {
        PortTakenException(String setting, int port) {
            super("port " + port + " is already in use; stop what listens there or set " + setting
                    + " to a free port");
        }
    }
}
