package org.pdcaledger.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A service that cannot start says why in one line that names the setting to fix, exits non-zero, and does not
 * print a wall of stack traces.
 */
class StartupFailureIT {

    private static Run runJar(String module, Map<String, String> env) throws Exception {
        Path jar = Stack.ROOT.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("package the services first (./mvnw verify builds them)").exists();
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Path output = Files.createTempFile("start-", ".out");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the service should give up by itself").isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }

    private static int closedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void commandService_withAnUnreachableEventStore_namesTheSetting_andExitsNonZero() throws Exception {
        int closedPort = closedPort();
        Run run = runJar("command-service", Map.of(
                "PDCA_EVENTSTORE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/pdca",
                "PDCA_COMMAND_PORT", "0"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("PDCA_EVENTSTORE_URL").contains("unreachable");
        assertThat(run.stackFrames()).isZero();
    }

    @Test
    void queryService_withAnUnreachableReadStore_namesTheSetting_andExitsNonZero() throws Exception {
        int closedPort = closedPort();
        Run run = runJar("query-service", Map.of(
                "PDCA_EVENTSTORE_URL", "jdbc:h2:mem:startup-test",
                "PDCA_MONGODB_URI", "mongodb://127.0.0.1:" + closedPort,
                "PDCA_QUERY_PORT", "0"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("PDCA_MONGODB_URI");
        assertThat(run.stackFrames()).isZero();
    }

    @Test
    void aServiceOnAPortInUse_saysWhichPort_andWhichSettingChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            int port = taken.getLocalPort();
            Run run = runJar("command-service", Map.of(
                    "PDCA_EVENTSTORE_URL", "jdbc:h2:mem:port-test;DB_CLOSE_DELAY=-1",
                    "PDCA_COMMAND_PORT", Integer.toString(port)));

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.output()).contains("Port " + port + " is already in use").contains("PDCA_COMMAND_PORT");
            assertThat(run.stackFrames()).isZero();
        }
    }

    record Run(int exitCode, String output) {
        long stackFrames() {
            return output.lines().filter(line -> line.startsWith("\tat ")).count();
        }
    }
}
