package org.pdcaledger.query.initiative;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.support.security.ScopeGuard;
import org.pdcaledger.support.security.UnitHierarchy;

import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Measures the initiative list over 5,011 units (a root, 10 bureaus, 50 divisions each, 9 sections each) and
 * 50,110 initiatives on the in-memory mongo-java-server, for the query shapes the list serves. Not a test (the name
 * does not end in {@code Test}, so the build does not run it); run it on demand:
 * {@code ./mvnw -q -B verify -pl query-service -am -Dtest=InitiativeListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The documents are written directly, in the shapes the projection writes, to keep the set-up short.
 */
class InitiativeListBenchmark {

    @Test
    void listLatencies() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var client = MongoClients.create(server.bindAndGetConnectionString());
        // 1 root, 10 bureaus, 50 divisions each, 9 sections each ≈ 5011 units
        java.util.Map<String, List<String>> paths = new java.util.HashMap<>();
        paths.put("root", List.of("root"));
        List<String> all = new ArrayList<>(List.of("root"));
        for (int b = 0; b < 10; b++) {
            String bureau = "b" + b;
            paths.put(bureau, List.of("root", bureau));
            all.add(bureau);
            for (int d = 0; d < 50; d++) {
                String div = bureau + "d" + d;
                paths.put(div, List.of("root", bureau, div));
                all.add(div);
                for (int s = 0; s < 9; s++) {
                    String sec = div + "s" + s;
                    paths.put(sec, List.of("root", bureau, div, sec));
                    all.add(sec);
                }
            }
        }
        UnitHierarchy tree = id -> paths.getOrDefault(id, List.of());
        InitiativeProjection projection = new InitiativeProjection(client.getDatabase("b"),
                InitiativeProjectionTest.objectMapper(), tree);
        java.util.Random random = new java.util.Random(1);
        InitiativeStage[] stages = InitiativeStage.values();
        java.util.Map<String, List<String>> subtrees = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<String>> facets = new java.util.LinkedHashMap<>();
        int n = 0;
        for (String unit : all) {
            List<InitiativeSummary> items = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                n++;
                items.add(new InitiativeSummary("i-" + n + "-0000-0000-0000-000000000000", unit, paths.get(unit),
                        "压缩公文办理时长第" + n + "号", "user" + random.nextInt(200), stages[random.nextInt(stages.length)],
                        1, List.of(new GapReference("GOV-OPS", "AGILITY")), "公文办理时长", "天", BigDecimal.TEN,
                        BigDecimal.ONE, null, null, List.of(LocalDate.parse("2027-01-01").minusDays(random.nextInt(400))),
                        Instant.parse("2026-03-01T00:00:00Z"), Instant.now().minusSeconds(random.nextInt(3_000_000)),
                        5, null));
            }
            for (InitiativeSummary item : items) {
                for (String key : List.of("owner:" + item.owner(), "framework:GOV-OPS", "indicator:GOV-OPS/AGILITY", "indicator:*/AGILITY")) {
                    List<String> l = facets.computeIfAbsent(key, k -> new ArrayList<>());
                    if (!l.contains(unit)) l.add(unit);
                }
            }
            projection.unitLists().apply(unit, 1, c -> UnitInitiatives.of(unit, paths.get(unit), items));
            List<String> ancestors = new ArrayList<>(List.of("*"));
            ancestors.addAll(paths.get(unit));
            for (String a : ancestors) {
                subtrees.computeIfAbsent(a, k -> new ArrayList<>()).add(unit);
            }
        }
        subtrees.forEach((k, v) -> v.forEach(unit -> projection.subtrees().add(k, unit, 1)));
        facets.forEach((k, v) -> v.forEach(unit -> projection.facets().add(k, unit, 1)));
        System.out.println("initiatives " + n + " units " + all.size());
        InitiativeQueries queries = new InitiativeQueries(projection, tree, new ScopeGuard(tree),
                java.time.Clock.systemUTC(), Duration.ofDays(14));
        var admin = InitiativeQueriesTest.caller("ADMIN@*");
        var leaderB3 = InitiativeQueriesTest.caller("LEADER@b3");
        run("admin all", () -> queries.list(admin, f(null, false, Set.of(), null, null), InitiativeQueries.Cursor.START, 50));
        run("admin root subtree", () -> queries.list(admin, f("root", true, Set.of(), null, null), InitiativeQueries.Cursor.START, 50));
        run("leader b3 all", () -> queries.list(leaderB3, f(null, false, Set.of(), null, null), InitiativeQueries.Cursor.START, 50));
        run("leader b3 root subtree", () -> queries.list(leaderB3, f("root", true, Set.of(), null, null), InitiativeQueries.Cursor.START, 50));
        run("division subtree", () -> queries.list(admin, f("b3d7", true, Set.of(), null, null), InitiativeQueries.Cursor.START, 50));
        run("section", () -> queries.list(admin, f("b3d7s2", false, Set.of(), null, null), InitiativeQueries.Cursor.START, 50));
        run("admin all stage EXECUTION", () -> queries.list(admin, f(null, false, Set.of(InitiativeStage.EXECUTION), null, null), InitiativeQueries.Cursor.START, 50));
        run("admin all stage ABANDONED", () -> queries.list(admin, f(null, false, Set.of(InitiativeStage.ABANDONED), null, null), InitiativeQueries.Cursor.START, 50));
        run("admin all stalled", () -> queries.list(admin, new InitiativeFilter(null, false, Set.of(), null, null, null, null, true), InitiativeQueries.Cursor.START, 50));
        run("admin all framework", () -> queries.list(admin, new InitiativeFilter(null, false, Set.of(), "GOV-OPS", "AGILITY", null, null, null), InitiativeQueries.Cursor.START, 50));
        run("admin all overdue", () -> queries.list(admin, f(null, false, Set.of(), null, true), InitiativeQueries.Cursor.START, 50));
        run("admin all owner user7", () -> queries.list(admin, f(null, false, Set.of(), "user7", null), InitiativeQueries.Cursor.START, 50));
        run("bureau owner user7", () -> queries.list(admin, f("b3", true, Set.of(), "user7", null), InitiativeQueries.Cursor.START, 50));
        run("admin all owner nobody", () -> queries.list(admin, f(null, false, Set.of(), "nobody", null), InitiativeQueries.Cursor.START, 50));
        client.close();
        server.shutdownNow();
    }

    static InitiativeFilter f(String unit, boolean subtree, Set<InitiativeStage> s, String owner, Boolean overdue) {
        return new InitiativeFilter(unit, subtree, s, null, null, owner, overdue, null);
    }

    static void run(String name, java.util.function.Supplier<org.pdcaledger.kernel.initiative.InitiativePage> q) {
        for (int i = 0; i < 20; i++) q.get();
        long[] t = new long[100];
        int size = 0;
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            size = q.get().items().size();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        System.out.printf("%-30s items=%d p50=%.1fms p95=%.1fms%n", name, size, t[50] / 1e6, t[95] / 1e6);
    }

    /** How fast the projection applies events: 5,011 initiatives, one per unit, each launched, planned and started. */
    @Test
    void projectionThroughput() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var client = MongoClients.create(server.bindAndGetConnectionString());
        java.util.Map<String, List<String>> paths = new java.util.HashMap<>();
        List<String> all = new ArrayList<>();
        for (int b = 0; b < 10; b++) {
            for (int d = 0; d < 50; d++) {
                for (int s = 0; s < 10; s++) {
                    String unit = "b" + b + "d" + d + "s" + s;
                    paths.put(unit, List.of("root", "b" + b, "b" + b + "d" + d, unit));
                    all.add(unit);
                }
            }
        }
        UnitHierarchy tree = id -> paths.getOrDefault(id, List.of());
        InitiativeProjection projection = new InitiativeProjection(client.getDatabase("b"),
                InitiativeProjectionTest.objectMapper(), tree);
        long position = 0;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            int events = 0;
            for (String unit : all) {
                InitiativeStory.Step step = InitiativeStory.twoCycles("i-" + unit, unit).get(i);
                projection.on(step.event(), step.at(), (long) i,
                        org.axonframework.messaging.MetaData.from(step.metaData()),
                        new org.axonframework.eventhandling.GlobalSequenceTrackingToken(++position));
                events++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("step %d: projected %d events in %.1f s: %.0f events/s%n", i, events, seconds,
                    events / seconds);
        }
        client.close();
        server.shutdownNow();
    }
}
