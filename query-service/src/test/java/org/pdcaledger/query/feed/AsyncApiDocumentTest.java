package org.pdcaledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.EventTypeName;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;

@FeedIntegrationTest
class AsyncApiDocumentTest {

    private static final String ANYONE = TestIdentityTokens.person("improver", "IMPROVER@u-1");

    @Autowired
    MockMvc http;

    private final ObjectMapper json = new ObjectMapper();

    /** Every top-level {@code *Event} record under the kernel package, found independently of the production scan. */
    private static List<Class<?>> kernelEvents() {
        List<Class<?>> events = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().importPackages("org.pdcaledger.kernel")) {
            if (type.getSimpleName().endsWith("Event") && type.isTopLevelClass() && type.isRecord()) {
                events.add(type.reflect());
            }
        }
        return events;
    }

    private JsonNode document(String path) throws Exception {
        return json.readTree(http.perform(get(path).header("Authorization", "Bearer " + ANYONE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    @Test
    void everyKernelEventClass_hasATypeName_andAMessageWithTheSchemaOfItsData() throws Exception {
        JsonNode document = document("/api/feed/asyncapi.json");
        List<Class<?>> events = kernelEvents();

        assertThat(document.get("asyncapi").asText()).isEqualTo("2.6.0");
        assertThat(events).as("the kernel's events and the test-only probe events")
                .extracting(Class::getSimpleName)
                .contains("UnitRegisteredEvent", "UnitRenamedEvent", "ProbeOpenedEvent", "ProbeCatalogImportedEvent");
        JsonNode messages = document.at("/components/messages");
        JsonNode schemas = document.at("/components/schemas");
        assertThat(messages.size()).isEqualTo(events.size());
        for (Class<?> event : events) {
            String type = EventTypeName.of(event);
            JsonNode message = messages.get(type);
            assertThat(message).as("message for %s", type).isNotNull();
            assertThat(message.get("x-pdca-event-class").asText()).isEqualTo(event.getName());
            JsonNode specific = message.at("/payload/allOf/1/properties");
            assertThat(specific.at("/type/const").asText()).isEqualTo(type);
            String ref = specific.at("/data/$ref").asText();
            assertThat(ref).startsWith("#/components/schemas/");
            JsonNode data = schemas.get(ref.substring("#/components/schemas/".length()));
            assertThat(data).as("schema of %s", type).isNotNull();
            List<String> properties = new ArrayList<>();
            data.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("fields of %s", type).containsExactlyInAnyOrderElementsOf(
                    java.util.Arrays.stream(event.getRecordComponents()).map(c -> c.getName()).toList());
            assertThat(document.at("/channels/~1api~1feed~1stream/subscribe/message/oneOf").toString())
                    .contains("#/components/messages/" + type);
        }
    }

    @Test
    void dataSchemas_describeNestedTypesAndFormats_andTheEnvelope_namesThePositionAttribute() throws Exception {
        JsonNode document = document("/api/asyncapi.json");
        JsonNode schemas = document.at("/components/schemas");

        assertThat(schemas.at("/feedprobe.ProbeOpenedEvent/properties/due/format").asText()).isEqualTo("date");
        assertThat(schemas.at("/unit.UnitRegisteredEvent/properties/name/$ref").asText())
                .isEqualTo("#/components/schemas/common.LocalizedName");
        assertThat(schemas.at("/common.LocalizedName/properties/zh/type").asText()).isEqualTo("string");
        assertThat(schemas.at("/CloudEvent/required").toString()).contains("pdcaposition");
        assertThat(document.at("/channels/webhook/description").asText()).contains("webhook-signature");
    }

    @Test
    void theOpenApiDocument_listsTheFeedAndWebhookEndpoints() throws Exception {
        JsonNode openApi = document("/v3/api-docs");

        assertThat(openApi.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        openApi.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/api/feed", "/api/feed/stream", "/api/webhooks", "/api/webhooks/{id}",
                "/api/webhooks/{id}/deliveries", "/api/webhooks/{id}/deliveries/{deliveryId}/redeliver");
    }

    @Test
    void theDocuments_needAnAuthenticatedCaller() throws Exception {
        http.perform(get("/api/feed/asyncapi.json")).andExpect(status().isUnauthorized());
        http.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }
}
