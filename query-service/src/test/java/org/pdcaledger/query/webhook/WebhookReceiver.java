package org.pdcaledger.query.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback (JDK {@code HttpServer}) whose behaviour the test switches: down (nothing listens
 * on its port), slow (answers only long after the sender's read timeout, when the sender no longer listens), failing (500), gone (410), redirecting (302)
 * or up (204). Records every request it read, with the status it answered.
 */
class WebhookReceiver implements AutoCloseable {

    enum Mode { SLOW, FAIL, GONE, REDIRECT, UP }

    record Request(String id, String timestamp, String signature, byte[] body, int answered) {
    }

    private final int port;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Mode mode = Mode.UP;
    private HttpServer server;

    /** A receiver that is down: its port is known, nothing listens yet. */
    static WebhookReceiver down() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new WebhookReceiver(probe.getLocalPort());
        }
    }

    static WebhookReceiver up(Mode mode) throws IOException {
        WebhookReceiver receiver = down();
        receiver.start(mode);
        return receiver;
    }

    private WebhookReceiver(int port) {
        this.port = port;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks/pdca";
    }

    synchronized void start(Mode initial) throws IOException {
        mode = initial;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = mode;
            int status = switch (now) {
                case SLOW -> 200;
                case FAIL -> 500;
                case GONE -> 410;
                case REDIRECT -> 302;
                case UP -> 204;
            };
            requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body,
                    now == Mode.SLOW ? -1 : status));
            if (now == Mode.SLOW) {
                try {
                    closing.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (now == Mode.REDIRECT) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/elsewhere");
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (IOException senderGaveUp) {
                // the sender timed out and closed the connection
            }
            exchange.close();
        });
        server.start();
    }

    void mode(Mode next) {
        mode = next;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized void close() {
        closing.countDown();
        if (server != null) {
            server.stop(0);
        }
        executor.shutdownNow();
    }
}
