package org.pdcaledger.support.startup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Before anything else starts, proves that the configured stores answer, so a wrong URL or a stopped database ends
 * the start with one line naming the setting to fix instead of a wall of stack traces from the connection pool.
 * Enabled per service with {@code pdca.startup.check-stores=true}.
 */
public class StoreReachabilityCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int TIMEOUT_SECONDS = 5;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("pdca.startup.check-stores", Boolean.class, false)) {
            return;
        }
        String jdbcUrl = env.getProperty("spring.datasource.url");
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            checkJdbc(jdbcUrl, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"));
        }
        String mongoUri = env.getProperty("pdca.mongodb.uri");
        if (mongoUri != null && !mongoUri.isBlank()) {
            checkMongo(mongoUri);
        }
    }

    static void checkJdbc(String url, String user, String password) {
        DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            // reachable and the credentials are accepted
        } catch (SQLException e) {
            throw new StoreUnreachableException("event store", "PDCA_EVENTSTORE_URL (and PDCA_EVENTSTORE_USER, "
                    + "PDCA_EVENTSTORE_PASSWORD)", url, rootMessage(e));
        }
    }

    static void checkMongo(String uri) {
        List<InetSocketAddress> hosts = mongoHosts(uri);
        IOException last = null;
        for (InetSocketAddress host : hosts) {
            try (Socket socket = new Socket()) {
                socket.connect(host, TIMEOUT_SECONDS * 1000);
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new StoreUnreachableException("read store", "PDCA_MONGODB_URI", redact(uri),
                last == null ? "no host in the URI" : rootMessage(last));
    }

    static List<InetSocketAddress> mongoHosts(String uri) {
        if (!uri.startsWith("mongodb://")) {
            return List.of();
        }
        String rest = uri.substring("mongodb://".length());
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        int end = rest.indexOf('/');
        if (end < 0) {
            end = rest.indexOf('?');
        }
        String hostList = end < 0 ? rest : rest.substring(0, end);
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String hostPort : hostList.split(",")) {
            URI parsed = URI.create("tcp://" + hostPort);
            hosts.add(new InetSocketAddress(parsed.getHost(), parsed.getPort() < 0 ? 27017 : parsed.getPort()));
        }
        return hosts;
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]+@", "//***@");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
