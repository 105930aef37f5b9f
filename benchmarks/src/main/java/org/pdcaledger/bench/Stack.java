package org.pdcaledger.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole product started exactly as {@code ./pdca run --detach} starts it, on free loopback ports and with its
 * own data directory, and stopped with {@code ./pdca stop}. With {@code PDCA_EVENTSTORE_URL} and
 * {@code PDCA_MONGODB_URI} in the environment the launcher uses those stores and starts no embedded ones.
 */
final class Stack implements AutoCloseable {

    static final List<String> PARTS = List.of("embedded-stores", "command-service", "query-service", "web-ui");
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    private final Path root;
    private final Path dataDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private boolean running;
    private long startMillis;

    Stack(Path root, Path dataDir, String jwksUri) throws IOException {
        this.root = root;
        this.dataDir = dataDir;
        for (String name : List.of("PDCA_WEB_PORT", "PDCA_COMMAND_PORT", "PDCA_QUERY_PORT", "PDCA_H2_PORT",
                "PDCA_MONGO_PORT")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                env.put(name, Integer.toString(socket.getLocalPort()));
            }
        }
        env.put("PDCA_DATA_DIR", dataDir.toString());
        env.put("PDCA_ADMIN_PASSWORD", "bench-admin-" + Long.toHexString(System.nanoTime()));
        env.put("PDCA_JWKS_URI", jwksUri);
    }

    /** Starts the stack; returns the wall time of {@code ./pdca run --detach} until every part is healthy. */
    Duration start() throws IOException, InterruptedException {
        long begin = System.nanoTime();
        String output = pdca(Duration.ofMinutes(10), "run", "--detach");
        running = true;
        startMillis = (System.nanoTime() - begin) / 1_000_000;
        if (!output.contains("PDCA Ledger is running")) {
            throw new IllegalStateException("./pdca run --detach failed:\n" + output);
        }
        return Duration.ofMillis(startMillis);
    }

    long startMillis() {
        return startMillis;
    }

    void stop() throws IOException, InterruptedException {
        if (running) {
            running = false;
            pdca(Duration.ofMinutes(3), "stop");
        }
    }

    boolean externalStores() {
        String events = System.getenv("PDCA_EVENTSTORE_URL");
        String reads = System.getenv("PDCA_MONGODB_URI");
        return events != null && !events.isBlank() && reads != null && !reads.isBlank();
    }

    String commandUrl() {
        return "http://127.0.0.1:" + env.get("PDCA_COMMAND_PORT");
    }

    String queryUrl() {
        return "http://127.0.0.1:" + env.get("PDCA_QUERY_PORT");
    }

    String webUrl() {
        return "http://127.0.0.1:" + env.get("PDCA_WEB_PORT");
    }

    String eventStoreUrl() {
        return externalStores() ? System.getenv("PDCA_EVENTSTORE_URL")
                : "jdbc:h2:tcp://localhost:" + env.get("PDCA_H2_PORT") + "/eventstore";
    }

    String eventStoreUser() {
        return externalStores() ? System.getenv().getOrDefault("PDCA_EVENTSTORE_USER", "") : "sa";
    }

    String eventStorePassword() {
        return externalStores() ? System.getenv().getOrDefault("PDCA_EVENTSTORE_PASSWORD", "") : "";
    }

    /** The process id of each running part, from the launcher's pid files. */
    Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String part : PARTS) {
            Path file = dataDir.resolve("run/" + part + ".pid");
            if (Files.exists(file)) {
                pids.put(part, Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    /** Resident memory of each part in MiB, from {@code /proc/<pid>/status} (VmRSS). */
    Map<String, Double> residentMiB() throws IOException {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (Map.Entry<String, Long> part : pids().entrySet()) {
            Path status = Path.of("/proc/" + part.getValue() + "/status");
            if (!Files.exists(status)) {
                continue;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    rss.put(part.getKey(), Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                }
            }
        }
        return rss;
    }

    /** The seconds each Spring Boot part reported in its "Started … in N seconds" log line. */
    Map<String, Double> reportedStartSeconds() throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String part : PARTS) {
            Path log = dataDir.resolve("logs/" + part + ".log");
            if (Files.exists(log)) {
                Matcher matcher = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
                if (matcher.find()) {
                    seconds.put(part, Double.parseDouble(matcher.group(1)));
                }
            }
        }
        return seconds;
    }

    Path dataDir() {
        return dataDir;
    }

    private String pdca(Duration timeout, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = root.resolve("pdca").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Files.createDirectories(dataDir);
        Path output = dataDir.resolve("pdca-" + args[0] + ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./pdca " + String.join(" ", args) + " did not finish in " + timeout);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("./pdca " + String.join(" ", args) + " failed:\n" + text);
        }
        return text;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }
}
