package org.pdcaledger.command.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pdcaledger.command.support.CommandServiceTest;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

@CommandServiceTest
class UnitCommandHttpTest {

    private static final String ADMIN = "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private String register(String code) throws Exception {
        MvcResult result = http.perform(post("/api/units").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":{\"zh\":\"财政局\",\"en\":\"Finance Bureau\"}}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andReturn();
        return JsonPath.read(result.getResponse().getContentAsString(), "$.unitId");
    }

    @Test
    void register_storesAnEvent_carryingWhoAndUnderWhichCommand() throws Exception {
        String unitId = register("CZJ");

        var events = eventStore.readEvents(unitId).asStream().toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getMetaData())
                .containsEntry(MetadataKeys.ACTOR, "admin")
                .containsEntry(MetadataKeys.COMMAND, "RegisterUnitCommand")
                .doesNotContainKey("grants");
    }

    @Test
    void rename_withAStaleIfMatch_is412_andStoresNothing() throws Exception {
        String unitId = register("CZJ2");
        String body = "{\"name\":{\"zh\":\"新名称\",\"en\":\"New name\"}}";
        http.perform(put("/api/units/" + unitId).header("Authorization", ADMIN).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));

        http.perform(put("/api/units/" + unitId).header("Authorization", ADMIN).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("version-stale"))
                .andExpect(jsonPath("$.currentVersion").value(1));

        assertThat(eventStore.readEvents(unitId).asStream().count()).isEqualTo(2);
    }

    @Test
    void rename_withoutIfMatch_is428() throws Exception {
        String unitId = register("CZJ3");
        http.perform(put("/api/units/" + unitId).header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":{\"zh\":\"甲\",\"en\":\"A\"}}"))
                .andExpect(status().isPreconditionRequired())
                .andExpect(jsonPath("$.field").value("If-Match"));
    }

    @Test
    void register_withAnUnknownField_is400_namingTheField() throws Exception {
        http.perform(post("/api/units").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"X1\",\"nam\":{\"zh\":\"甲\",\"en\":\"A\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("nam"))
                .andExpect(jsonPath("$.errors[0].code").value("unknown-field"));
    }

    @Test
    void register_withAMissingTranslation_is400_namingTheNestedField() throws Exception {
        http.perform(post("/api/units").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"X2\",\"name\":{\"zh\":\"甲\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("name.en"));
    }

    @Test
    void register_withATakenCode_is422() throws Exception {
        register("DUP");
        http.perform(post("/api/units").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"DUP\",\"name\":{\"zh\":\"甲\",\"en\":\"A\"}}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("code-taken"))
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void everyEndpoint_is401_withoutAToken_or_withAForgedOrExpiredOne() throws Exception {
        String body = "{\"code\":\"Z\",\"name\":{\"zh\":\"甲\",\"en\":\"A\"}}";
        http.perform(post("/api/units").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("unauthenticated"));
        http.perform(post("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.expired("admin", "ADMIN@*"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        http.perform(post("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.wrongIssuer("admin", "ADMIN@*"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        String token = TestIdentityTokens.person("admin", "ADMIN@*");
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(
                token.lastIndexOf('.') + 5);
        http.perform(post("/api/units").header("Authorization", "Bearer " + tampered)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anIntegratorToken_cannotCallACommand() throws Exception {
        http.perform(post("/api/units").header("Authorization", "Bearer "
                        + TestIdentityTokens.client("feed-reader", "INTEGRATOR@*"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"Y\",\"name\":{\"zh\":\"甲\",\"en\":\"A\"}}"))
                .andExpect(status().isForbidden());
    }
}
