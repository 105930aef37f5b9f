package org.pdcaledger.query.unit;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRenamedEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@QueryServiceTest
class UnitQueryHttpTest {

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;
    @Autowired
    UnitProjection projection;

    private static boolean seeded;

    @BeforeEach
    void seedTree() {
        if (seeded) {
            return;
        }
        register("u-city", "SZ", null);
        register("u-a", "A", "u-city");
        register("u-a1", "A1", "u-a");
        register("u-b", "B", "u-city");
        eventStore.publish(new GenericDomainEventMessage<>("Unit", "u-a", 1,
                new UnitRenamedEvent("u-a", new LocalizedName("甲局", "Bureau A"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> projection.units().find("u-a")
                .map(unit -> unit.version() == 1).orElse(false) && projection.units().find("u-b").isPresent());
        seeded = true;
    }

    private void register(String id, String code, String parent) {
        eventStore.publish(new GenericDomainEventMessage<>("Unit", id, 0,
                new UnitRegisteredEvent(id, code, new LocalizedName("单位" + code, "Unit " + code), parent)));
    }

    @Test
    void aLeaderOfBureauA_seesBureauAAndItsDivisions_only() throws Exception {
        http.perform(get("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("leader-a", "LEADER@u-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].code").value("A"))
                .andExpect(jsonPath("$[0].name.zh").value("甲局"))
                .andExpect(jsonPath("$[1].code").value("A1"))
                .andExpect(jsonPath("$[1].path.length()").value(3));
    }

    @Test
    void aUnitOutsideTheCallersScope_isNotFound() throws Exception {
        http.perform(get("/api/units/u-b").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("leader-a", "LEADER@u-a")))
                .andExpect(status().isNotFound());
        http.perform(get("/api/units/u-b").header("Authorization", "Bearer "
                        + TestIdentityTokens.person("admin", "ADMIN@*")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentId").value("u-city"));
    }

    @Test
    void anIntegratorToken_cannotReadUnits() throws Exception {
        http.perform(get("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.client("feed", "INTEGRATOR@*")))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutAToken_is401() throws Exception {
        http.perform(get("/api/units")).andExpect(status().isUnauthorized());
    }
}
