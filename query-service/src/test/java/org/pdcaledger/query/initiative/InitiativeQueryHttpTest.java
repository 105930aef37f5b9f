package org.pdcaledger.query.initiative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.initiative.InitiativeEvent;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

@QueryServiceTest
class InitiativeQueryHttpTest {

    /** The story happens in March 2026; the test reads it on 2026-03-16 in Beijing. */
    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock testClock() {
            return Clock.fixed(Instant.parse("2026-03-16T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }

        @Bean
        @Primary
        UnitHierarchy watchedUnits(@Qualifier("unitProjection") UnitHierarchy units) {
            return new WatchedUnits(units);
        }
    }

    /** The units view, noting every unit asked for that it does not know (yet). */
    record WatchedUnits(UnitHierarchy units) implements UnitHierarchy {

        static final Set<String> unknown = ConcurrentHashMap.newKeySet();

        @Override
        public List<String> pathOf(String unitId) {
            List<String> path = units.pathOf(unitId);
            if (path.isEmpty()) {
                unknown.add(unitId);
            }
            return path;
        }
    }

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");
    private static final String LEADER_A = "Bearer " + TestIdentityTokens.person("leader-a", "LEADER@u-a");
    private static final String LEADER_B = "Bearer " + TestIdentityTokens.person("leader-b", "LEADER@u-b");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    InitiativeProjection projection;
    @Autowired
    UnitHierarchy units;

    private static boolean seeded;
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void seedUnits() {
        if (seeded) {
            return;
        }
        register("u-city", null);
        register("u-a", "u-city");
        register("u-a1", "u-a");
        register("u-b", "u-city");
        await().atMost(Duration.ofSeconds(20)).until(() -> units.pathOf("u-b").size() == 2
                && units.pathOf("u-a1").size() == 3);
        seeded = true;
    }

    private void register(String id, String parent) {
        eventStore.publish(new GenericDomainEventMessage<>("Unit", id, 0,
                new UnitRegisteredEvent(id, id.toUpperCase(), new LocalizedName("单位" + id, "Unit " + id), parent)));
    }

    private long publish(InitiativeStory.Step step) {
        InitiativeEvent event = step.event();
        long sequence = sequences.merge(event.initiativeId(), 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("Initiative", event.initiativeId(), sequence, event,
                step.metaData(), UUID.randomUUID().toString(), step.at()));
        return sequence;
    }

    private void awaitVersion(String initiativeId, long version) {
        await().atMost(Duration.ofSeconds(20)).until(() -> projection.details().find(initiativeId)
                .map(detail -> detail.version() == version).orElse(false));
    }

    private static String id() {
        return "i-" + UUID.randomUUID();
    }

    @Test
    void aTwoCycleInitiative_showsInTheListAndOnItsPage_afterEveryStep() throws Exception {
        String id = id();
        List<InitiativeStory.Step> story = InitiativeStory.twoCycles(id, "u-a1");
        List<InitiativeStage> expected = List.of(InitiativeStage.PLANNING, InitiativeStage.PLANNING,
                InitiativeStage.EXECUTION, InitiativeStage.EXECUTION, InitiativeStage.EXECUTION,
                InitiativeStage.EVALUATION, InitiativeStage.CONTINUOUS_IMPROVEMENT, InitiativeStage.PLANNING,
                InitiativeStage.PLANNING, InitiativeStage.PLANNING, InitiativeStage.EXECUTION,
                InitiativeStage.EXECUTION, InitiativeStage.EVALUATION, InitiativeStage.CONTINUOUS_IMPROVEMENT,
                InitiativeStage.COMPLETED);
        for (int step = 0; step < story.size(); step++) {
            long version = publish(story.get(step));
            awaitVersion(id, version);

            http.perform(get("/api/initiatives/" + id).header("Authorization", LEADER_A))
                    .andExpect(status().isOk())
                    .andExpect(header().string("ETag", "\"" + version + "\""))
                    .andExpect(jsonPath("$.stage").value(expected.get(step).name()))
                    .andExpect(jsonPath("$.cycles.length()").value(step < 7 ? 1 : 2));
            String list = http.perform(get("/api/initiatives").param("unit", "u-a").param("subtree", "true")
                            .header("Authorization", LEADER_A))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            List<String> stages = JsonPath.read(list, "$.items[?(@.initiativeId == '" + id + "')].stage");
            assertThat(stages).containsExactly(expected.get(step).name());
        }

        http.perform(get("/api/initiatives/" + id).header("Authorization", LEADER_A))
                .andExpect(jsonPath("$.currentCycle").value(2))
                .andExpect(jsonPath("$.cycles[0].check.result").value("PARTLY_MET"))
                .andExpect(jsonPath("$.cycles[0].act.decision").value("ADJUST"))
                .andExpect(jsonPath("$.cycles[0].actions[1].status").value("CARRIED_OVER"))
                .andExpect(jsonPath("$.cycles[1].actions[0].carriedFromCycle").value(1))
                .andExpect(jsonPath("$.cycles[1].act.standardised").value("电子签批纳入公文处理程序"))
                .andExpect(jsonPath("$.series[*].value", contains(6.5, 3.8)))
                .andExpect(jsonPath("$.series[1].reachesTarget").value(true))
                .andExpect(jsonPath("$.metric.target").value(4))
                .andExpect(jsonPath("$.flags.overdue").value(false))
                .andExpect(jsonPath("$.flags.stalled").value(false));
        http.perform(get("/api/initiatives/" + id + "/history").header("Authorization", LEADER_A))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(15))
                .andExpect(jsonPath("$.entries[0].event").value("pdca.initiative.initiative-launched.v1"))
                .andExpect(jsonPath("$.entries[0].actorName").value("李明"))
                .andExpect(jsonPath("$.entries[6].command").value("CheckCycleCommand"))
                .andExpect(jsonPath("$.entries[6].at").value("2026-03-07T02:00:00Z"))
                .andExpect(jsonPath("$.entries[14].data.documentReference").value("QP-07 第3版"));
    }

    @Test
    void anInitiativeOutsideTheCallersScope_isNotListed_andNotFound() throws Exception {
        String id = id();
        publish(InitiativeStory.twoCycles(id, "u-a").get(0));
        awaitVersion(id, 0);

        http.perform(get("/api/initiatives/" + id).header("Authorization", LEADER_B))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.field").value("initiativeId"));
        http.perform(get("/api/initiatives/" + id + "/history").header("Authorization", LEADER_B))
                .andExpect(status().isNotFound());
        String list = http.perform(get("/api/initiatives").header("Authorization", LEADER_B))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].initiativeId")).doesNotContain(id);
        http.perform(get("/api/initiatives/" + id).header("Authorization", ADMIN))
                .andExpect(status().isOk());
    }

    @Test
    void anActionPastItsDueDate_isFlaggedOverdue_andTheOverdueFilterFindsIt() throws Exception {
        String id = id();
        List<InitiativeStory.Step> story = InitiativeStory.twoCycles(id, "u-b");
        for (int step = 0; step < 3; step++) {
            publish(story.get(step)); // launched, planned (actions due 03-10 and 03-20), execution started
        }
        awaitVersion(id, 2);

        http.perform(get("/api/initiatives/" + id).header("Authorization", LEADER_B))
                .andExpect(jsonPath("$.flags.overdue").value(true))
                .andExpect(jsonPath("$.flags.overdueActions").value(1))
                .andExpect(jsonPath("$.cycles[0].actions[0].overdue").value(true))
                .andExpect(jsonPath("$.cycles[0].actions[1].overdue").value(false));
        String overdue = http.perform(get("/api/initiatives").param("overdue", "true")
                        .param("stage", "执行管理,评估").header("Authorization", LEADER_B))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(overdue, "$.items[*].initiativeId")).contains(id);
    }

    @Test
    void anInitiativeOfAUnitTheUnitsViewHasNotSeenYet_isProjectedOnceItHas() throws Exception {
        String id = id();
        String unitId = "u-late-" + UUID.randomUUID();
        publish(InitiativeStory.twoCycles(id, unitId).get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> WatchedUnits.unknown.contains(unitId));
        register(unitId, "u-b");

        awaitVersion(id, 0);
        String list = http.perform(get("/api/initiatives").param("unit", "u-b").param("subtree", "true")
                        .header("Authorization", LEADER_B))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].initiativeId")).contains(id);
    }

    @Test
    void invalidListParameters_are400_namingTheParameter() throws Exception {
        http.perform(get("/api/initiatives").param("stage", "DREAMING").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("stage"));
        http.perform(get("/api/initiatives").param("limit", "0").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("limit"));
        http.perform(get("/api/initiatives").param("cursor", "x").header("Authorization", ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("cursor"));
    }

    @Test
    void integratorsAndAnonymousCallers_cannotReadInitiatives() throws Exception {
        http.perform(get("/api/initiatives").header("Authorization", "Bearer "
                        + TestIdentityTokens.client("feed", "INTEGRATOR@*")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/initiatives/i-1")).andExpect(status().isUnauthorized());
    }
}
