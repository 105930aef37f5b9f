package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The whole product started exactly as the README starts it ({@code ./pdca run --detach}), on free loopback ports
 * and a private data directory under {@code target/}, and stopped with {@code ./pdca stop}.
 */
public final class Stack implements AutoCloseable {

    public static final Path ROOT = Path.of(System.getProperty("pdca.root", "..")).toAbsolutePath().normalize();
    public static final String ADMIN_PASSWORD = "system-test-admin-1";

    private final Map<String, String> env;
    private final Path dataDir;
    private boolean running;

    private Stack(Map<String, String> env, Path dataDir) {
        this.env = env;
        this.dataDir = dataDir;
    }

    /** Starts a stack with its own data directory; {@code extraEnv} can point it at external stores. */
    public static Stack start(Map<String, String> extraEnv) throws IOException, InterruptedException {
        Path dataDir = ROOT.resolve("system-tests/target/stack-" + UUID.randomUUID().toString().substring(0, 8));
        return start(dataDir, freePorts(dataDir), extraEnv);
    }

    public static Stack start(Path dataDir, Map<String, String> ports, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(ports);
        env.put("PDCA_DATA_DIR", dataDir.toString());
        env.put("PDCA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extraEnv);
        Stack stack = new Stack(env, dataDir);
        Result result = stack.pdca(Duration.ofMinutes(5), "run", "--detach");
        assertThat(result.exitCode()).as("./pdca run --detach failed:%n%s", result.output()).isZero();
        stack.running = true;
        return stack;
    }

    public static Map<String, String> freePorts(Path dataDir) throws IOException {
        Map<String, String> ports = new HashMap<>();
        for (String name : new String[] {"PDCA_WEB_PORT", "PDCA_COMMAND_PORT", "PDCA_QUERY_PORT", "PDCA_H2_PORT",
                "PDCA_MONGO_PORT"}) {
            try (ServerSocket socket = new ServerSocket(0)) {
                ports.put(name, Integer.toString(socket.getLocalPort()));
            }
        }
        return ports;
    }

    public Map<String, String> ports() {
        Map<String, String> ports = new HashMap<>(env);
        ports.keySet().removeIf(key -> !key.endsWith("_PORT"));
        return ports;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String webUrl() {
        return "http://localhost:" + env.get("PDCA_WEB_PORT");
    }

    public String commandUrl() {
        return "http://localhost:" + env.get("PDCA_COMMAND_PORT");
    }

    public String queryUrl() {
        return "http://localhost:" + env.get("PDCA_QUERY_PORT");
    }

    public WebSession login(String username, String password) throws IOException, InterruptedException {
        return WebSession.login(webUrl(), username, password);
    }

    public WebSession loginAsAdmin() throws IOException, InterruptedException {
        return login("admin", ADMIN_PASSWORD);
    }

    public Result pdca(Duration timeout, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = ROOT.resolve("pdca").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path output = Files.createTempFile("pdca-", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./pdca " + String.join(" ", args) + " did not finish in " + timeout
                    + ":\n" + Files.readString(output));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return new Result(process.exitValue(), text);
    }

    public void stop() throws IOException, InterruptedException {
        if (running) {
            Result result = pdca(Duration.ofMinutes(2), "stop");
            running = false;
            assertThat(result.exitCode()).as("./pdca stop: %s", result.output()).isZero();
        }
    }

    public String log(String part) throws IOException {
        Path log = dataDir.resolve("logs/" + part + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    public record Result(int exitCode, String output) {
    }
}
