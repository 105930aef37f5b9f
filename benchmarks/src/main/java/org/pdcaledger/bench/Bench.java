package org.pdcaledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.pdcaledger.kernel.initiative.ObservationRecordedEvent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark run (docs/benchmarks.md): starts the stack as {@code ./pdca run --detach} does, builds the
 * organisation, and measures each number beside the limit of the store underneath it. Writes
 * {@code benchmarks/target/bench/results-<time>.json} and prints a summary table. It never fails on a number; it
 * fails only when the product misbehaves (a generated aggregate refuses a valid command, the stack does not start).
 */
public final class Bench {

    private final BenchOptions options;
    private final Results results = new Results();
    private final Api api = new Api();
    private Stack stack;
    private EventStoreAccess store;
    private Organisation organisation;
    private Load load;
    private String admin;
    private String reader;
    private double bestRate;
    private Path file;

    Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("pdca.root", System.getenv().getOrDefault("PDCA_ROOT", ".")))
                .toAbsolutePath().normalize();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path written = new Bench(options).run();
        System.out.println("results: " + written);
        System.exit(0);
    }

    /** Runs the whole benchmark; answers the results file. */
    Path run() throws Exception {
        Files.createDirectories(options.output());
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        results.put("run", runInfo(stamp));
        file = options.output().resolve("results-" + stamp + ".json");
        try (Tokens tokens = new Tokens()) {
            stack = new Stack(options.root(), options.output().resolve("data-" + stamp), tokens.jwksUri());
            tokens.webUiKeySet(stack.webUrl() + "/oauth2/jwks");
            try {
                measure(tokens);
            } catch (Exception | Error e) {
                results.put("failure", String.valueOf(e));
                throw e;
            } finally {
                results.put("loadAfter", Machine.loadAverage());
                if (store != null) {
                    store.close();
                }
                stack.stop();
                if (!options.keepData()) {
                    Machine.deleteTree(stack.dataDir());
                }
            }
        }
        save();
        System.out.println();
        System.out.println(results.summary());
        return file;
    }

    private Map<String, Object> runInfo(String stamp) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", stamp);
        run.put("options", Map.of("units", options.units(), "initiativesPerUnit", options.initiativesPerUnit(),
                "stages", options.stages(), "clients", options.clients(), "growthClients", options.growthClients(),
                "durationSeconds", options.duration().toSeconds(), "warmUpSeconds", options.warmUp().toSeconds(),
                "lagSeconds", options.lagDuration().toSeconds(), "smoke", options.smoke()));
        run.put("machine", Machine.describe());
        run.put("loadBefore", Machine.loadAverage());
        return run;
    }

    private void measure(Tokens tokens) throws Exception {
        say("starting the stack (./pdca run --detach) ...");
        Duration startup = stack.start();
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("stores", stack.externalStores() ? "external (PDCA_EVENTSTORE_URL, PDCA_MONGODB_URI)" : "embedded");
        start.put("wholeStackSeconds", Load.round(startup.toMillis() / 1000.0));
        start.put("reportedBySpringBootSeconds", stack.reportedStartSeconds());
        results.put("startup", start);
        results.summary("start-up of the whole stack", start.get("wholeStackSeconds") + " s", "", "");
        admin = tokens.person("bench-admin", "ADMIN@*");
        store = new EventStoreAccess(stack.eventStoreUrl(), stack.eventStoreUser(), stack.eventStorePassword());
        Thread.sleep(3_000);
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("atRestMiB", stack.residentMiB());
        results.put("residentMemory", memory);

        save();
        List<Organisation.Unit> units = registerUnits();
        String root = units.get(0).unitId();
        String improver = tokens.person("bench-improver", "IMPROVER@" + root);
        reader = tokens.person("bench-leader", "LEADER@" + root);
        load = new Load(api, stack.commandUrl(), stack.queryUrl(), improver);
        List<String> indicators = awaitIndicators();
        long last = options.stages().get(options.stages().size() - 1);
        organisation = new Organisation(units, indicators, options.initiativesPerUnit(), last);

        List<Map<String, Object>> growth = new ArrayList<>();
        results.put("growth", growth);
        for (int s = 0; s < options.stages().size(); s++) {
            long target = options.stages().get(s);
            boolean first = s == 0;
            boolean lastStage = s == options.stages().size() - 1;
            fillTo(target - options.freshInitiatives() * 3L);
            if (lastStage) {
                rebuild();
            } else {
                awaitProjections("stage " + target);
            }
            List<Organisation.Live> fresh = organisation.freshInitiatives(options.freshInitiatives(), store,
                    options.batchSize());
            awaitProjections("fresh initiatives");
            if (first) {
                throughput(fresh, memory);
                rawAppendLimit();
            }
            long events = store.count();
            Load.Throughput run = first ? firstStageGrowthRun : load.closedLoop(options.growthClients(),
                    options.warmUp(), options.duration(), fresh);
            bestRate = Math.max(bestRate, run.perSecond());
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("storeEvents", events);
            stage.putAll(run.toMap());
            stage.put("aggregateLoadPlan", store.aggregateLoadPlan(fresh.get(0).initiativeId));
            growth.add(stage);
            save();
            say("stage %,d events: %.0f commands/s at %d clients", events, run.perSecond(), run.clients());
        }
        summariseGrowth(growth);
        validate();
        save();
        lag();
        save();
        queries(units);
        memory.put("afterRunMiB", stack.residentMiB());
    }

    private Load.Throughput firstStageGrowthRun;
    private final Map<Integer, Map<String, Object>> commandRuns = new java.util.TreeMap<>();

    /**
     * The first stage's runs at every client count, on one pool of fresh initiatives. The growth-client run goes
     * first, so that it works on aggregates as short as the later stages' runs do.
     */
    private void throughput(List<Organisation.Live> fresh, Map<String, Object> memory) throws Exception {
        Map<String, Double> underLoad = new LinkedHashMap<>();
        List<Integer> order = new ArrayList<>(options.clients());
        if (!order.contains(options.growthClients())) {
            order.add(options.growthClients());
        }
        order.sort(java.util.Comparator.comparing(clients -> clients != options.growthClients()));
        for (int clients : order) {
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = rssSampler(sampling, underLoad);
            Load.Throughput run = load.closedLoop(clients, options.warmUp(), options.duration(), fresh);
            sampling.set(false);
            sampler.join();
            bestRate = Math.max(bestRate, run.perSecond());
            if (clients == options.growthClients()) {
                firstStageGrowthRun = run;
            }
            Map<String, Object> map = run.toMap();
            map.put("storeEvents", store.count());
            commandRuns.put(clients, map);
            say("%d clients: %.0f commands/s, p50 %s ms, p99 %s ms", clients, run.perSecond(), map.get("p50Ms"),
                    map.get("p99Ms"));
        }
        commandRuns.forEach((clients, map) -> results.summary("commands/s at " + clients + " client"
                + (clients == 1 ? "" : "s"), String.format("%.0f (p50 %s ms, p95 %s ms, p99 %s ms)",
                        ((Number) map.get("commandsPerSecond")).doubleValue(), map.get("p50Ms"), map.get("p95Ms"),
                        map.get("p99Ms")), "", ""));
        results.put("throughput", new ArrayList<>(commandRuns.values()));
        memory.put("underLoadMaxMiB", underLoad);
    }

    private Thread rssSampler(AtomicBoolean sampling, Map<String, Double> max) {
        Thread thread = new Thread(() -> {
            while (sampling.get()) {
                try {
                    stack.residentMiB().forEach((part, mib) -> max.merge(part, mib, Math::max));
                    Thread.sleep(1_000);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The same rows as the commands store, inserted with plain JDBC into a scratch copy of the events table. */
    private void rawAppendLimit() throws Exception {
        GenericDomainEventMessage<ObservationRecordedEvent> sample = new GenericDomainEventMessage<>("Initiative",
                "probe", 0, new ObservationRecordedEvent("probe", 1, "基准测试执行记录：当日受理与办结情况已登记。"),
                Map.of("actor", "bench-improver", "actorName", "bench-improver", "command", "RecordObservationCommand",
                        "traceId", "2c5d7d8e-2d0e-4c31-9b7a-3f1e1c1b0a01",
                        "correlationId", "2c5d7d8e-2d0e-4c31-9b7a-3f1e1c1b0a01"));
        store.createProbeTable();
        Map<String, Object> raw = new LinkedHashMap<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        try {
            for (int threads : options.clients()) {
                double single = store.rawAppend(sample, threads, Math.max(50, options.rawRows() / threads), 1);
                runs.add(Map.of("threads", threads, "rowsPerTransaction", 1, "rowsPerSecond", Load.round(single)));
            }
            double batched = store.rawAppend(sample, 1, options.rawRows() * 4, 100);
            runs.add(Map.of("threads", 1, "rowsPerTransaction", 100, "rowsPerSecond", Load.round(batched)));
        } finally {
            store.dropProbeTable();
        }
        raw.put("method", "plain JDBC INSERTs of serialized ObservationRecordedEvent rows into a scratch table with "
                + "DomainEventEntry's columns, keys and indexes, in the same database; one connection per thread");
        raw.put("runs", runs);
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (int i = 0; i < options.clients().size(); i++) {
            int clients = options.clients().get(i);
            double commands = ((Number) commandRuns.get(clients).get("commandsPerSecond")).doubleValue();
            double rows = ((Number) runs.get(i).get("rowsPerSecond")).doubleValue();
            ratios.add(Map.of("clients", clients, "commandsPerSecond", commands, "rawSingleInsertsPerSecond", rows,
                    "ratio", Load.round(commands / rows)));
            results.summary("raw single-row inserts/s at " + clients + " thread" + (clients == 1 ? "" : "s"),
                    String.format("%.0f (commands/raw = %.2f)", rows, commands / rows), "", "");
        }
        raw.put("commandsToRawRatio", ratios);
        results.put("rawAppendLimit", raw);
        results.summary("raw batched inserts/s (100 rows/tx)", String.format("%.0f", batched(runs)), "", "");
    }

    private static double batched(List<Map<String, Object>> runs) {
        return ((Number) runs.get(runs.size() - 1).get("rowsPerSecond")).doubleValue();
    }

    private void summariseGrowth(List<Map<String, Object>> growth) {
        double firstRate = ((Number) growth.get(0).get("commandsPerSecond")).doubleValue();
        for (Map<String, Object> stage : growth) {
            double rate = ((Number) stage.get("commandsPerSecond")).doubleValue();
            double ratio = rate / firstRate;
            stage.put("rateToFirstStage", Load.round(ratio));
            boolean indexed = !String.valueOf(stage.get("aggregateLoadPlan")).toLowerCase().contains("tablescan")
                    && !String.valueOf(stage.get("aggregateLoadPlan")).toLowerCase().contains("seq scan");
            stage.put("aggregateLoadUsesIndex", indexed);
            results.summary(String.format("growth: commands/s at %,d events", ((Number) stage.get("storeEvents"))
                    .longValue()), String.format("%.0f (%.2f × first stage; load %s)", rate, ratio,
                            indexed ? "by index" : "SCANS"), "≥ 0.8 × first", verdict(ratio >= 0.8));
        }
    }

    /** Wipes every read model and replays the whole store through the rebuild API; the raw read rate beside it. */
    private void rebuild() throws Exception {
        long events = store.count();
        long head = store.head();
        say("rebuilding every projection over %,d events ...", events);
        long begin = System.nanoTime();
        Api.Answer started = api.post(stack.queryUrl() + "/api/admin/projections/rebuild", admin, "", null);
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        Map<String, Double> doneAt = new LinkedHashMap<>();
        Map<String, Double> reportedRates = new LinkedHashMap<>();
        double lastProgress = 0;
        while (true) {
            JsonNode overview = api.get(stack.queryUrl() + "/api/admin/projections", admin).json();
            double elapsed = (System.nanoTime() - begin) / 1e9;
            boolean all = true;
            for (JsonNode group : overview.get("projections")) {
                String name = group.get("group").asText();
                boolean done = group.get("behind").asLong() == 0 && "RUNNING".equals(group.get("state").asText())
                        && group.path("position").asLong(0) >= head;
                if (done) {
                    doneAt.putIfAbsent(name, Load.round(elapsed));
                } else {
                    all = false;
                }
                if (group.hasNonNull("eventsPerSecond")) {
                    reportedRates.merge(name, group.get("eventsPerSecond").asDouble(), Math::max);
                }
                if ("ERROR".equals(group.get("state").asText())) {
                    throw new IllegalStateException("projection " + name + " failed during the rebuild");
                }
            }
            if (all) {
                break;
            }
            if (elapsed - lastProgress >= 30) {
                lastProgress = elapsed;
                say("  ... %.0f s: %s", elapsed, overview.get("projections").toString());
            }
            if (elapsed > options.catchUpTimeout().toSeconds()) {
                throw new IllegalStateException("the rebuild did not finish in " + options.catchUpTimeout());
            }
            Thread.sleep(1_000);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        double rate = events / seconds;
        double[] raw = store.readAllAndDeserialize(Long.MAX_VALUE);
        double rawRate = raw[0] / raw[1];
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put("events", events);
        rebuild.put("seconds", Load.round(seconds));
        rebuild.put("eventsPerSecond", Load.round(rate));
        rebuild.put("groupsDoneAfterSeconds", doneAt);
        rebuild.put("groupsPeakEventsPerSecondReported", reportedRates);
        rebuild.put("rawReadAndDeserialize", Map.of("events", (long) raw[0], "seconds", Load.round(raw[1]),
                "eventsPerSecond", Load.round(rawRate), "method",
                "Axon JdbcEventStorageEngine.readEvents from the start (default batch), every payload deserialized, "
                        + "one thread, while the stack is idle"));
        rebuild.put("ratio", Load.round(rate / rawRate));
        results.put("rebuild", rebuild);
        say("rebuild: %,d events in %.1f s = %.0f events/s (raw read %.0f events/s)", events, seconds, rate, rawRate);
        results.summary(String.format("full rebuild of %,d events", events), String.format("%.0f events/s (%.0f s)",
                rate, seconds), "≥ 20000 events/s", verdict(rate >= 20_000));
        results.summary("raw read + deserialize", String.format("%.0f events/s (rebuild/raw = %.2f)", rawRate,
                rate / rawRate), "ratio ≥ 0.3", verdict(rate / rawRate >= 0.3));
    }

    /** Commands at half the best sustained rate measured, with lag probes. */
    private void lag() throws Exception {
        double target = Math.max(1, bestRate / 2);
        List<Organisation.Live> pool = organisation.freshInitiatives(options.freshInitiatives(), store,
                options.batchSize());
        awaitProjections("lag pool");
        int probeEvery = Math.max(1, (int) Math.round(target / 10));
        say("lag at %.0f commands/s (half of %.0f) for %d s ...", target, bestRate, options.lagDuration().toSeconds());
        Load.Lag lag = load.paced(target, options.lagDuration(), pool, probeEvery);
        Map<String, Object> map = lag.toMap();
        map.put("maximumSustainedRate", Load.round(bestRate));
        map.put("method", "lag = first view of the initiative page (GET /api/initiatives/{id} on query-service) "
                + "showing the command's version, minus the moment the command's 200 arrived; views polled every 5 ms; "
                + "one probe about every 100 ms");
        results.put("projectionLag", map);
        @SuppressWarnings("unchecked")
        Map<String, Object> percentiles = (Map<String, Object>) map.get("lag");
        double p99 = percentiles.isEmpty() ? Double.NaN : ((Number) percentiles.get("p99Ms")).doubleValue();
        long probes = lag.lagMicros().getTotalCount() + lag.probesLost();
        boolean backlog = lag.probesLost() > probes / 100;
        results.summary(String.format("projection lag at %.0f commands/s", lag.achievedPerSecond()), backlog
                ? String.format("p99 > 30 s: %d of %d probes not visible within 30 s (views fall behind)",
                        lag.probesLost(), probes)
                : String.format("p50 %s ms, p99 %s ms", percentiles.get("p50Ms"), percentiles.get("p99Ms")),
                "p99 ≤ 250 ms", verdict(!backlog && p99 <= 250));
    }

    private void queries(List<Organisation.Unit> units) {
        String framework = Organisation.FRAMEWORK;
        Organisation.Unit root = units.get(0);
        Organisation.Unit bureau = firstAtDepth(units, 1);
        Organisation.Unit division = firstAtDepth(units, 2);
        Organisation.Unit section = firstAtDepth(units, 3);
        List<Organisation.Unit> sections = units.stream().filter(u -> u.depth() == 3).toList();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Supplier<String> anySection = () -> sections.isEmpty() ? "/api/gaps?unit=" + section.unitId()
                : "/api/gaps?unit=" + sections.get(next.getAndIncrement() % sections.size()).unitId()
                        + "&framework=" + framework;
        Map<String, Supplier<String>> paths = new LinkedHashMap<>();
        paths.put("gap board: one section", anySection);
        paths.put("gap board: a division and its subtree", fixed("/api/gaps?unit=" + division.unitId() + "&framework="
                + framework + "&subtree=true"));
        paths.put("gap board: a bureau and its subtree", fixed("/api/gaps?unit=" + bureau.unitId() + "&framework="
                + framework + "&subtree=true"));
        paths.put("initiative list: whole organisation, first page", fixed("/api/initiatives?unit=" + root.unitId()
                + "&subtree=true&limit=50"));
        paths.put("initiative list: a bureau, in execution", fixed("/api/initiatives?unit=" + bureau.unitId()
                + "&subtree=true&stage=EXECUTION&limit=50"));
        paths.put("initiative list: one owner across the organisation", fixed("/api/initiatives?unit=" + root.unitId()
                + "&subtree=true&owner=owner-7&limit=50"));
        paths.put("initiative list: one section", fixed("/api/initiatives?unit=" + section.unitId() + "&limit=50"));
        paths.put("unit maturity: a bureau", fixed("/api/units/" + bureau.unitId() + "/maturity?framework="
                + framework));
        paths.put("unit maturity: whole organisation", fixed("/api/units/" + root.unitId() + "/maturity?framework="
                + framework));
        paths.put("dashboard: whole organisation", fixed("/api/dashboard?unit=" + root.unitId() + "&framework="
                + framework));
        Map<String, Object> latencies = new LinkedHashMap<>();
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("units", organisation.unitCount());
        size.put("finalisedAssessments", organisation.assessments());
        size.put("ratings", organisation.ratings());
        size.put("initiatives", organisation.initiatives());
        size.put("organisationComplete", organisation.complete());
        latencies.put("organisation", size);
        paths.forEach((name, path) -> {
            Load.Queries result = new Load(api, stack.commandUrl(), stack.queryUrl(), reader).query(name, path,
                    Math.min(20, options.querySamples()), options.querySamples());
            latencies.put(name, result.toMap());
            if (result.status() == 200) {
                double p95 = result.micros().getValueAtPercentile(95) / 1000.0;
                results.summary("query: " + name, String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                        result.micros().getValueAtPercentile(50) / 1000.0, p95,
                        result.micros().getValueAtPercentile(99) / 1000.0), "p95 ≤ 50 ms", verdict(p95 <= 50));
            } else {
                results.summary("query: " + name, "not measured: HTTP " + result.status()
                        + (result.status() == 403 || result.status() == 404 ? " (endpoint not built yet)" : ""),
                        "p95 ≤ 50 ms", "n/a");
            }
        });
        results.put("queryLatency", latencies);
    }

    private static Supplier<String> fixed(String path) {
        return () -> path;
    }

    private static Organisation.Unit firstAtDepth(List<Organisation.Unit> units, int depth) {
        return units.stream().filter(u -> u.depth() == depth).findFirst()
                .orElse(units.get(Math.min(depth, units.size() - 1)));
    }

    /**
     * Sends a further command to a sample of generated aggregates of every final state and expects the answer the
     * real aggregate gives for that state; compares a generated row with one the command side wrote.
     */
    private void validate() throws Exception {
        List<Map<String, Object>> checks = new ArrayList<>();
        String today = LocalDate.now(ZoneOffset.ofHours(8)).minusDays(1).toString();
        organisation.samples.forEach((kind, samples) -> {
            String[] sample = samples.get(0);
            String id = sample[0];
            String ifMatch = "\"" + organisation.versionOf(id, Long.parseLong(sample[1])) + "\"";
            String base = stack.commandUrl() + (kind.startsWith("assessment") ? "/api/assessments/" : "/api/initiatives/")
                    + id;
            Api.Answer answer;
            int expected;
            String command;
            switch (kind) {
                case "initiative-plan" -> {
                    command = "start execution";
                    answer = api.post(base + "/do", admin, "", ifMatch);
                    expected = 200;
                }
                case "initiative-do" -> {
                    command = "record observation";
                    answer = api.post(base + "/observations", admin, Map.of("text", "validation"), ifMatch);
                    expected = 200;
                }
                case "initiative-checked" -> {
                    command = "act: standardise";
                    answer = api.post(base + "/act", admin, Map.of("decision", "STANDARDISE", "standardised",
                            "validation"), ifMatch);
                    expected = 200;
                }
                case "initiative-second-cycle" -> {
                    command = "record measurement in cycle 2";
                    answer = api.post(base + "/measurements", admin, Map.of("value", 3, "measuredOn", today), ifMatch);
                    expected = 200;
                }
                case "initiative-standardised", "initiative-abandoned" -> {
                    command = "record observation on a closed initiative";
                    answer = api.post(base + "/observations", admin, Map.of("text", "validation"), ifMatch);
                    expected = 409;
                }
                case "assessment-finalised" -> {
                    command = "reopen";
                    answer = api.post(base + "/reopen", admin, Map.of("reason", "validation"), ifMatch);
                    expected = 200;
                }
                default -> throw new IllegalStateException(kind);
            }
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("generatedState", kind);
            check.put("aggregate", id);
            check.put("command", command);
            check.put("expected", expected);
            check.put("answered", answer.status());
            check.put("passed", answer.status() == expected);
            if (answer.status() != expected) {
                check.put("body", answer.body());
            }
            checks.add(check);
        });
        Map<String, Object> validation = new LinkedHashMap<>();
        validation.put("commandsOnGeneratedAggregates", checks);
        String[] doSample = organisation.samples.get("initiative-do").get(0);
        // the validation's observation is the one after the current version; a generated one is at version 4
        long realSeq = organisation.versionOf(doSample[0], Long.parseLong(doSample[1])) + 1;
        Map<String, String> real = store.row(doSample[0], realSeq);
        Map<String, String> generated = store.row(doSample[0], 4);
        boolean same = real.get("payloadType").equals(generated.get("payloadType"))
                && real.get("payloadRevision").equals(generated.get("payloadRevision"))
                && real.get("type").equals(generated.get("type"))
                && fieldNames(real.get("payload")).equals(fieldNames(generated.get("payload")))
                && fieldNames(real.get("metaData")).containsAll(fieldNames(generated.get("metaData")));
        validation.put("generatedRowMatchesServiceRow", same);
        validation.put("serviceRow", real);
        validation.put("generatedRow", generated);
        results.put("generatorValidation", validation);
        boolean passed = same && checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("passed")));
        results.summary("generated aggregates accept further commands", passed ? "yes (" + checks.size() + " checks)"
                : "NO: " + checks, "all accepted", verdict(passed));
        if (!passed) {
            throw new IllegalStateException("generated data failed validation: " + validation);
        }
    }

    private static java.util.Set<String> fieldNames(String json) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        try {
            Api.JSON.readTree(json).fieldNames().forEachRemaining(names::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private List<Organisation.Unit> registerUnits() {
        say("registering %d units through the CSV import ...", options.units());
        long begin = System.nanoTime();
        List<Organisation.Unit> units = new ArrayList<>();
        Map<String, Integer> depthByCode = new LinkedHashMap<>();
        for (String csv : Organisation.unitTreeCsv(options.units())) {
            Api.Answer answer = api.postCsv(stack.commandUrl() + "/api/units/import", admin, csv);
            if (answer.status() != 201) {
                throw new IllegalStateException("unit import refused: " + answer.status() + " " + answer.body());
            }
            for (JsonNode unit : answer.json().get("units")) {
                String code = unit.get("code").asText();
                int depth = code.equals("CITY") ? 0 : code.split("-").length;
                depthByCode.put(code, depth);
                units.add(new Organisation.Unit(unit.get("unitId").asText(), code,
                        unit.path("parentId").asText(null), depth));
            }
        }
        units.sort(java.util.Comparator.comparingInt(Organisation.Unit::depth));
        double seconds = (System.nanoTime() - begin) / 1e9;
        results.put("unitImport", Map.of("units", units.size(), "seconds", Load.round(seconds), "unitsPerSecond",
                Load.round(units.size() / seconds)));
        results.summary("unit import through the API", String.format("%d units in %.1f s", units.size(), seconds),
                "", "");
        return units;
    }

    private List<String> awaitIndicators() throws Exception {
        for (int i = 0; i < 600; i++) {
            List<String> codes = store.indicatorCodes(Organisation.FRAMEWORK, 1);
            if (!codes.isEmpty()) {
                return codes;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the built-in framework " + Organisation.FRAMEWORK + " was not published");
    }

    private void fillTo(long target) throws Exception {
        long missing = target - store.count();
        if (missing <= 0) {
            return;
        }
        say("generating %,d events ...", missing);
        long begin = System.nanoTime();
        organisation.generate(missing, store, options.batchSize());
        double seconds = (System.nanoTime() - begin) / 1e9;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> generation = (List<Map<String, Object>>) results.computeIfAbsent("generation",
                ArrayList::new);
        generation.add(Map.of("events", missing, "seconds", Load.round(seconds), "eventsPerSecond",
                Load.round(missing / seconds), "storeEventsAfter", store.count()));
        say("  %,d events in %.1f s", missing, seconds);
    }

    /** Waits until every projection group has applied the store's head. */
    private void awaitProjections(String what) throws Exception {
        long head = store.head();
        long begin = System.nanoTime();
        while (true) {
            Api.Answer answer = api.get(stack.queryUrl() + "/api/admin/projections", admin);
            if (answer.status() != 200) {
                throw new IllegalStateException("projection status refused: " + answer.status() + " " + answer.body());
            }
            boolean all = true;
            for (JsonNode group : answer.json().get("projections")) {
                if (group.path("position").asLong(0) < head || !"RUNNING".equals(group.get("state").asText())) {
                    all = false;
                }
                if ("ERROR".equals(group.get("state").asText())) {
                    throw new IllegalStateException("projection " + group.get("group").asText() + " is in error");
                }
            }
            if (all) {
                return;
            }
            if (System.nanoTime() - begin > options.catchUpTimeout().toNanos()) {
                throw new IllegalStateException("projections did not catch up (" + what + ") in "
                        + options.catchUpTimeout() + ": " + answer.body());
            }
            Thread.sleep(250);
        }
    }

    /** Writes the results so far: a long run that is stopped half-way still leaves its numbers. */
    private void save() throws IOException {
        Files.writeString(file, Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(results.all()));
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    static void say(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
        System.out.flush();
    }
}
