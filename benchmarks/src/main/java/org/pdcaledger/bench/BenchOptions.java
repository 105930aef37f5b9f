package org.pdcaledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does; every size is configurable so that a small run fits a busy machine. {@code --smoke}
 * sets tiny sizes (the run {@code ./mvnw verify} makes, well under 90 s after start-up).
 */
record BenchOptions(
        int units,
        int initiativesPerUnit,
        List<Long> stages,
        List<Integer> clients,
        int growthClients,
        Duration warmUp,
        Duration duration,
        Duration lagDuration,
        int freshInitiatives,
        int rawRows,
        int querySamples,
        int batchSize,
        Duration catchUpTimeout,
        Path root,
        Path output,
        boolean smoke,
        boolean keepData) {

    static final String USAGE = """
            usage: ./pdca bench [options]
              --events N              events in the store at the last stage (default 1000000)
              --stages A,B,C          store sizes to measure throughput at (default 10000,100000,<events>)
              --units N               units of the organisation (default 5000)
              --initiatives-per-unit N  (default 10: 50,000 initiatives at 5,000 units)
              --clients A,B,C         concurrent clients of the first stage (default 1,8,32)
              --growth-clients N      clients of the later stages (default 8)
              --duration S            seconds measured per throughput run (default 20)
              --warm-up S             seconds of load before each run that are not measured (default 5)
              --lag-duration S        seconds of paced load for the lag (default 30)
              --query-samples N       requests per query (default 300)
              --smoke                 tiny sizes, for the build
              --keep-data             leave the data directory (target/bench/data-*) in place
            With PDCA_EVENTSTORE_URL and PDCA_MONGODB_URI set, the stack runs against those stores.""";

    static BenchOptions parse(String[] args, Path root) {
        List<String> list = new ArrayList<>(Arrays.asList(args));
        list.removeIf(String::isBlank);
        boolean smoke = list.contains("--smoke");
        int units = smoke ? 20 : 5000;
        int perUnit = smoke ? 2 : 10;
        long events = smoke ? 1_400 : 1_000_000;
        List<Long> stages = null;
        List<Integer> clients = smoke ? List.of(1, 4) : List.of(1, 8, 32);
        int growthClients = smoke ? 4 : 8;
        Duration warmUp = Duration.ofSeconds(smoke ? 1 : 5);
        Duration duration = Duration.ofSeconds(smoke ? 2 : 20);
        Duration lag = Duration.ofSeconds(smoke ? 3 : 30);
        int querySamples = smoke ? 10 : 300;
        boolean keep = false;
        for (int i = 0; i < list.size(); i++) {
            String option = list.get(i);
            switch (option) {
                case "--smoke" -> { }
                case "--keep-data" -> keep = true;
                case "--events" -> events = Long.parseLong(list.get(++i).replace("_", ""));
                case "--stages" -> stages = Arrays.stream(list.get(++i).split(",")).map(s -> Long.parseLong(s.trim()))
                        .sorted().toList();
                case "--units" -> units = Integer.parseInt(list.get(++i));
                case "--initiatives-per-unit" -> perUnit = Integer.parseInt(list.get(++i));
                case "--clients" -> clients = Arrays.stream(list.get(++i).split(","))
                        .map(s -> Integer.parseInt(s.trim())).toList();
                case "--growth-clients" -> growthClients = Integer.parseInt(list.get(++i));
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(list.get(++i)));
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(list.get(++i)));
                case "--lag-duration" -> lag = Duration.ofSeconds(Long.parseLong(list.get(++i)));
                case "--query-samples" -> querySamples = Integer.parseInt(list.get(++i));
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        if (stages == null) {
            long last = events;
            stages = smoke ? List.of(900L, last) : List.of(Math.min(10_000L, last), Math.min(100_000L, last), last)
                    .stream().distinct().toList();
        }
        // fresh initiatives per run: enough for every client to have its own, few enough not to crowd the stage
        int fresh = smoke ? 40 : (int) Math.max(100, Math.min(2_000, stages.get(0) / 20));
        return new BenchOptions(units, perUnit, stages, clients, growthClients, warmUp, duration, lag, fresh,
                smoke ? 500 : 5_000, querySamples, 1_000, Duration.ofHours(2), root,
                root.resolve("benchmarks/target/bench"), smoke, keep);
    }
}
