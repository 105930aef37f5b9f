package org.pdcaledger.query.maturity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.PlannedAction;
import org.pdcaledger.query.config.ViewStore;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.ScopeGuard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Measures unit maturity and the dashboard over 5,011 units (a root, 10 bureaus, 50 divisions each, 9 sections
 * each), one finalised assessment of 12 indicators per unit and quarter for two quarters (≈ 120,000 ratings) and ten
 * initiatives per unit (≈ 50,000) on the in-memory mongo-java-server. Not a test (the name does not end in
 * {@code Test}); run it on demand: {@code ./mvnw -q -B verify -pl query-service -am
 * -Dtest=MaturityViewsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * The ledgers and the subtree digests are written directly, in the shapes the projection writes, to keep the
 * set-up short; {@code -Dbench.digests=false} leaves the digests out and measures folding the ledgers.
 */
class MaturityViewsBenchmark {

    @Test
    void latencies() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("bench");
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        MovableClock clock = new MovableClock(Instant.parse("2026-07-20T00:00:00Z"));
        MaturityProjection projection = new MaturityProjection(database, mapper, clock,
                new MaturityProperties(null, null, null, null));
        FrameworkProjection frameworks = new FrameworkProjection(database, mapper);
        frameworks.on(new org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent("fw-mx",
                MaturityStory.framework()), Instant.parse("2026-01-01T00:00:00Z"),
                new org.axonframework.eventhandling.GlobalSequenceTrackingToken(1));
        ViewStore<UnitNode> units = new ViewStore<>(database, "maturity-units", UnitNode.class, mapper);
        ViewStore<AssessmentLedger> assessments = new ViewStore<>(database, "maturity-assessments",
                AssessmentLedger.class, mapper);
        ViewStore<InitiativeLedger> initiatives = new ViewStore<>(database, "maturity-initiatives",
                InitiativeLedger.class, mapper);
        Random random = new Random(1);
        long started = System.nanoTime();
        java.util.Map<String, List<String>> children = new java.util.LinkedHashMap<>();
        List<String> bureaus = new ArrayList<>();
        List<String> divisions = new ArrayList<>();
        int bureauCount = Integer.getInteger("bench.bureaus", 10);
        for (int b = 0; b < bureauCount; b++) {
            bureaus.add("b" + b);
            for (int d = 0; d < 50; d++) {
                divisions.add("b" + b + "d" + d);
            }
        }
        children.put("root", bureaus);
        write(units, assessments, initiatives, random, "root", null, List.of("root"), bureaus);
        for (int b = 0; b < bureauCount; b++) {
            List<String> divs = divisions.subList(b * 50, b * 50 + 50);
            children.put("b" + b, divs);
            write(units, assessments, initiatives, random, "b" + b, "root", List.of("root", "b" + b), divs);
            for (String div : divs) {
                List<String> sections = new ArrayList<>();
                for (int s = 0; s < 9; s++) {
                    sections.add(div + "s" + s);
                }
                children.put(div, sections);
                write(units, assessments, initiatives, random, div, "b" + b, List.of("root", "b" + b, div), sections);
                for (String section : sections) {
                    children.put(section, List.of());
                    write(units, assessments, initiatives, random, section, div,
                            List.of("root", "b" + b, div, section), List.of());
                }
            }
        }
        if (Boolean.parseBoolean(System.getProperty("bench.digests", "true"))) {
            digests(projection, children);
        }
        System.out.printf("set-up: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        ScopeGuard scopes = new ScopeGuard(id -> projection.node(id).map(UnitNode::path).orElse(List.of()));
        MaturityViews views = new MaturityViews(projection, frameworks, scopes,
                new MaturityProperties(null, null, null, null), clock, () -> true, database, mapper);
        Caller admin = new Caller("admin", "admin", List.of(Grant.parse("ADMIN@*")), false);
        LocalDate asOf = LocalDate.parse("2026-07-15");
        for (String unit : List.of("b3d7s4", "b3d7", "b3", "root")) {
            measure("maturity " + unit, () -> views.maturity(admin, unit, "MX", asOf, null));
            measure("dashboard " + unit, () -> views.dashboard(admin, unit, "MX", Periods.parse("2026-Q3"), asOf));
        }
        client.close();
        server.shutdownNow();
    }

    /** The digests the projection would have written for this tree, from the ledgers. */
    private static void digests(MaturityProjection projection, java.util.Map<String, List<String>> children) {
        java.util.Map<String, List<IndexStep>> steps = new java.util.HashMap<>();
        java.util.Map<String, UnitWork> own = new java.util.HashMap<>();
        java.util.Map<String, String> parents = new java.util.HashMap<>();
        children.forEach((parent, list) -> list.forEach(child -> parents.put(child, parent)));
        var ledgers = projection.assessmentLedgers(children.keySet(), "MX");
        for (String unit : children.keySet()) {
            AssessmentLedger ledger = ledgers.get(unit);
            steps.put(unit, projection.steps(ledger));
            var current = AssessmentFolding.current(ledger, null, null).orElseThrow();
            List<LevelFact> open = current.levels().stream().filter(l -> l.targetLevel() > l.currentLevel())
                    .toList();
            own.put(unit, projection.work(unit, java.util.Map.of("MX", open), java.util.Map.of("MX", 1),
                    LocalDate.parse("2026-06-30")));
        }
        SubtreeDigests digests = projection.digests();
        for (String unit : children.keySet()) {
            List<SubtreeMember> members = new ArrayList<>();
            List<MemberScores> scores = new ArrayList<>();
            List<WorkTally> tallies = new ArrayList<>();
            List<String> level = List.of(unit);
            for (int depth = 0; depth <= digests.depth() && !level.isEmpty(); depth++) {
                WorkTally tally = WorkTally.EMPTY;
                List<String> next = new ArrayList<>();
                for (String id : level) {
                    members.add(new SubtreeMember(id, id, new LocalizedName(id, id), depth,
                            depth == 0 ? parents.get(id) : parents.get(id), false));
                    scores.add(new MemberScores(id, steps.get(id)));
                    tally = tally.plus(own.get(id).tally(), 1);
                    next.addAll(children.get(id));
                }
                tallies.add(tally);
                level = next;
            }
            digests.members().apply(unit, 1, x -> new SubtreeMembers(unit, digests.depth(), members));
            digests.scores().apply(SubtreeScores.key(unit, "MX"), 1, x -> new SubtreeScores(unit, "MX", scores));
            digests.work().apply(unit, 1, x -> new SubtreeWork(unit, tallies, LocalDate.parse("2026-06-30")));
            digests.unitWork().apply(unit, 1, x -> own.get(unit));
        }
        for (String unit : children.keySet()) {
            digests.scores().apply(SubtreeScores.key(unit, "MX"), 2, doc -> digests.summed(doc));
        }
    }

    private static void measure(String what, Supplier<Object> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            call.get();
            micros.add((System.nanoTime() - start) / 1000);
        }
        micros.sort(null);
        System.out.printf("%-20s p50 %6.1f ms  p95 %6.1f ms%n", what, micros.get(10) / 1000.0,
                micros.get(18) / 1000.0);
    }

    private static void write(ViewStore<UnitNode> units, ViewStore<AssessmentLedger> assessments,
            ViewStore<InitiativeLedger> initiatives, Random random, String id, String parent, List<String> path,
            List<String> children) {
        units.apply(id, 1, current -> new UnitNode(id, id, new LocalizedName(id, id), parent, path, children, false));
        List<AssessmentFact> facts = new ArrayList<>();
        String[] quarters = {"2026-Q1", "2026-Q2"};
        for (int q = 0; q < quarters.length; q++) {
            List<LevelFact> levels = new ArrayList<>();
            for (String indicator : List.of("i1", "i2", "i3", "i4", "i5", "i6", "i7", "i8", "i9", "i10", "i11",
                    "i12")) {
                int current = 1 + random.nextInt(4);
                levels.add(new LevelFact(indicator, current, current + random.nextInt(2)));
            }
            var period = Periods.parse(quarters[q]);
            facts.add(new AssessmentFact(true, id + "-" + q, period, period.lastDay(), 1,
                    Instant.parse("2026-0" + (4 + 3 * q) + "-03T02:00:00Z"), 10 + q, levels));
        }
        assessments.apply(AssessmentLedger.key(id, "MX"), 1, current -> new AssessmentLedger(id, "MX", facts));
        List<InitiativeFact> work = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            String initiative = id + "-in" + n;
            LocalDate day = LocalDate.parse("2026-04-01").plusDays(random.nextInt(60));
            Instant at = day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            work.add(new InitiativeFact(initiative, InitiativeFactKind.LAUNCHED, 1, day, at, 1, "title " + n, "li",
                    List.of(new GapReference("MX", "i" + (1 + random.nextInt(12)))), null, null, null));
            work.add(new InitiativeFact(initiative, InitiativeFactKind.PLAN_RECORDED, 1, day, at, 2, null, null,
                    null, List.of(new PlannedAction("a1", "do it", "li", day.plusDays(20))), null, null));
            work.add(new InitiativeFact(initiative, InitiativeFactKind.EXECUTION_STARTED, 1, day.plusDays(5),
                    at.plusSeconds(5 * 86400), 3, null, null, null, null, null, null));
            work.add(new InitiativeFact(initiative, InitiativeFactKind.MEASUREMENT_RECORDED, 1, day.plusDays(15),
                    at.plusSeconds(15 * 86400), 4, null, null, null, null, null, null));
            work.add(new InitiativeFact(initiative, InitiativeFactKind.CYCLE_CHECKED, 1, day.plusDays(25),
                    at.plusSeconds(25 * 86400), 5, null, null, null, null, null, CheckResult.values()[n % 3]));
        }
        initiatives.apply(id, 1, current -> new InitiativeLedger(id, work));
    }
}
