package org.pdcaledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the benchmark: in {@code ./mvnw verify} with smoke sizes (so the harness cannot rot), with the bench profile
 * at full size. It checks that every measurement produced a number and that the generated organisation is a valid
 * history for the real aggregates; it never checks a number against its target.
 */
class BenchmarkIT {

    @Test
    void theBenchmark_measuresEveryNumber_onTheRealStack() throws Exception {
        Path root = Path.of(System.getProperty("pdca.root", "..")).toAbsolutePath().normalize();
        String[] args = System.getProperty("pdca.bench.args", "--smoke").trim().split("\\s+");
        Path file = new Bench(BenchOptions.parse(args, root)).run();

        JsonNode results = Api.JSON.readTree(Files.readString(file));
        assertThat(results.at("/startup/wholeStackSeconds").asDouble()).isPositive();
        assertThat(results.at("/throughput/0/commandsPerSecond").asDouble()).isPositive();
        assertThat(results.at("/rawAppendLimit/runs/0/rowsPerSecond").asDouble()).isPositive();
        assertThat(results.get("growth")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(results.at("/growth/0/aggregateLoadUsesIndex").asBoolean()).isTrue();
        assertThat(results.at("/rebuild/eventsPerSecond").asDouble()).isPositive();
        assertThat(results.at("/rebuild/rawReadAndDeserialize/eventsPerSecond").asDouble()).isPositive();
        assertThat(results.at("/projectionLag/probes").asLong()).isPositive();
        assertThat(results.at("/generatorValidation/generatedRowMatchesServiceRow").asBoolean()).isTrue();
        assertThat(results.at("/queryLatency/gap board: one section/status").asInt()).isEqualTo(200);
        assertThat(results.at("/queryLatency/initiative list: one section/status").asInt()).isEqualTo(200);
        assertThat(results.at("/residentMemory/atRestMiB/command-service").asDouble()).isPositive();
    }
}
