package org.pdcaledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The load the benchmark puts on the services: closed-loop clients that each send one single-event command after
 * the other (record an observation on an initiative that is carrying out its plan, each client on its own
 * initiatives so no two clients race for one aggregate), paced commands with lag probes, and sequential queries.
 */
final class Load {

    private final Api api;
    private final String commandUrl;
    private final String queryUrl;
    private final String token;

    Load(Api api, String commandUrl, String queryUrl, String token) {
        this.api = api;
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.token = token;
    }

    record Throughput(int clients, long commands, long failures, double seconds, Histogram latencyMicros) {

        double perSecond() {
            return commands / seconds;
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("clients", clients);
            map.put("commands", commands);
            map.put("failures", failures);
            map.put("seconds", round(seconds));
            map.put("commandsPerSecond", round(perSecond()));
            map.putAll(percentilesMs(latencyMicros));
            return map;
        }
    }

    /** {@code clients} closed-loop clients for {@code warmUp} (not counted) and then {@code duration}. */
    Throughput closedLoop(int clients, Duration warmUp, Duration duration, List<Organisation.Live> pool)
            throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong commands = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long end = warmEnd + duration.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<Organisation.Live> mine = new ArrayList<>();
            for (int i = c; i < pool.size(); i += clients) {
                mine.add(pool.get(i));
            }
            if (mine.isEmpty()) {
                throw new IllegalStateException("fewer initiatives (" + pool.size() + ") than clients (" + clients + ")");
            }
            done.add(threads.submit(() -> {
                int next = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        return null;
                    }
                    boolean ok = observe(mine.get(next++ % mine.size()));
                    long finished = System.nanoTime();
                    if (start >= warmEnd && finished <= end) {
                        recorder.recordValue(Math.max(1, (finished - start) / 1_000));
                        (ok ? commands : failures).incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        return new Throughput(clients, commands.get(), failures.get(), duration.toNanos() / 1e9,
                recorder.getIntervalHistogram());
    }

    /** Sends one observation; on success the initiative's version moves to the one in {@code ETag}. */
    boolean observe(Organisation.Live initiative) {
        Api.Answer answer = api.post(commandUrl + "/api/initiatives/" + initiative.initiativeId + "/observations",
                token, Map.of("text", "基准测试执行记录：当日受理与办结情况已登记。"), "\"" + initiative.version + "\"");
        if (answer.status() == 200) {
            initiative.version = answer.version();
            return true;
        }
        if (answer.status() == 412) {
            initiative.version = currentVersion(initiative.initiativeId, initiative.version);
        }
        return false;
    }

    private long currentVersion(String initiativeId, long fallback) {
        Api.Answer detail = api.get(queryUrl + "/api/initiatives/" + initiativeId, token);
        return detail.status() == 200 ? detail.json().get("version").asLong() : fallback;
    }

    record Lag(double targetPerSecond, double achievedPerSecond, long commands, long failures, Histogram commandMicros,
            Histogram lagMicros, long probesLost) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("targetCommandsPerSecond", round(targetPerSecond));
            map.put("achievedCommandsPerSecond", round(achievedPerSecond));
            map.put("commands", commands);
            map.put("failures", failures);
            map.put("probes", lagMicros.getTotalCount() + probesLost);
            map.put("probesNotVisibleWithin30s", probesLost);
            map.put("percentilesOf", "the probes that became visible within 30 s");
            Map<String, Object> lag = new LinkedHashMap<>(percentilesMs(lagMicros));
            map.put("lag", lag);
            map.put("commandLatency", percentilesMs(commandMicros));
            return map;
        }
    }

    /**
     * Sends commands at {@code ratePerSecond} for {@code duration}, spread over worker threads; every command whose
     * number is a multiple of {@code probeEvery} is followed until the initiative's page (query-service) shows its
     * version: the time from the command's answer (the event is stored by then) to the view showing it is the lag.
     * The view is polled every 5 ms, which is the resolution of the lag.
     */
    Lag paced(double ratePerSecond, Duration duration, List<Organisation.Live> pool, int probeEvery) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(4, Math.min(64, (int) (ratePerSecond / 20) + 4)));
        ExecutorService probes = Executors.newFixedThreadPool(8);
        Histogram commandMicros = new Histogram(3);
        Histogram lagMicros = new Histogram(3);
        AtomicLong sent = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        List<Future<?>> outstanding = new ArrayList<>();
        // each initiative is used by one command at a time: commands go round the pool, which is far larger than
        // the commands in flight
        long n = 0;
        for (long due = begin; due < end; due += intervalNanos) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Organisation.Live initiative = pool.get((int) (n % pool.size()));
            boolean probe = n % probeEvery == 0;
            n++;
            outstanding.add(workers.submit(() -> {
                long start = System.nanoTime();
                boolean ok;
                synchronized (initiative) {
                    ok = observe(initiative);
                }
                long answered = System.nanoTime();
                synchronized (commandMicros) {
                    commandMicros.recordValue(Math.max(1, (answered - start) / 1_000));
                }
                (ok ? sent : failures).incrementAndGet();
                if (ok && probe) {
                    long version = initiative.version;
                    probes.submit(() -> {
                        while (System.nanoTime() - answered < Duration.ofSeconds(30).toNanos()) {
                            Api.Answer detail = api.get(queryUrl + "/api/initiatives/" + initiative.initiativeId,
                                    token);
                            if (detail.status() == 200 && detail.json().get("version").asLong() >= version) {
                                long seen = System.nanoTime();
                                synchronized (lagMicros) {
                                    lagMicros.recordValue(Math.max(1, (seen - answered) / 1_000));
                                }
                                return null;
                            }
                            Thread.sleep(5);
                        }
                        lost.incrementAndGet();
                        return null;
                    });
                }
                return null;
            }));
        }
        for (Future<?> future : outstanding) {
            future.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        workers.shutdown();
        probes.shutdown();
        probes.awaitTermination(1, TimeUnit.MINUTES);
        return new Lag(ratePerSecond, sent.get() / seconds, sent.get(), failures.get(), commandMicros, lagMicros,
                lost.get());
    }

    record Queries(String name, String path, int status, Histogram micros, int bytes) {

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("request", path);
            map.put("status", status);
            if (status == 200) {
                map.put("samples", micros.getTotalCount());
                map.put("responseBytes", bytes);
                map.putAll(percentilesMs(micros));
            }
            return map;
        }
    }

    /** {@code samples} sequential GETs of one query-service path after {@code warmUp} unrecorded ones. */
    Queries query(String name, Supplier<String> path, int warmUp, int samples) {
        String first = path.get();
        Api.Answer probe = api.get(queryUrl + first, token);
        Histogram micros = new Histogram(3);
        if (probe.status() != 200) {
            return new Queries(name, first, probe.status(), micros, 0);
        }
        for (int i = 0; i < warmUp; i++) {
            api.get(queryUrl + path.get(), token);
        }
        int bytes = probe.body().length();
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            Api.Answer answer = api.get(queryUrl + path.get(), token);
            long took = (System.nanoTime() - start) / 1_000;
            if (answer.status() != 200) {
                return new Queries(name, first, answer.status(), micros, bytes);
            }
            micros.recordValue(Math.max(1, took));
        }
        return new Queries(name, first, 200, micros, bytes);
    }

    static Map<String, Object> percentilesMs(Histogram micros) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (micros.getTotalCount() == 0) {
            return map;
        }
        map.put("p50Ms", round(micros.getValueAtPercentile(50) / 1000.0));
        map.put("p95Ms", round(micros.getValueAtPercentile(95) / 1000.0));
        map.put("p99Ms", round(micros.getValueAtPercentile(99) / 1000.0));
        map.put("maxMs", round(micros.getMaxValue() / 1000.0));
        return map;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
