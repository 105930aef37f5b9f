package org.pdcaledger.query.feed;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;

/**
 * The AsyncAPI 2.6 description of the events integrators receive, generated at start-up from the event classes in
 * the {@link EventCatalog}: one message per event type, its payload the CloudEvents envelope with {@code type}
 * fixed to the type name and {@code data} described by a JSON Schema generated from the event record. Nothing here
 * is written by hand per event, so the document cannot fall behind the code.
 */
@Component
public class AsyncApiDocument {

    static final String SCHEMAS = "components/schemas";
    static final String ENVELOPE = "CloudEvent";

    private final ObjectNode document;

    AsyncApiDocument(EventCatalog catalog, FeedProperties properties) {
        this.document = build(catalog, properties);
    }

    public ObjectNode json() {
        return document.deepCopy();
    }

    private static ObjectNode build(EventCatalog catalog, FeedProperties properties) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        SchemaBuilder schemas = schemaGenerator().buildMultipleSchemaDefinitions();
        Map<String, ObjectNode> dataRefs = new LinkedHashMap<>();
        catalog.types().forEach((type, eventClass) -> dataRefs.put(type, schemas.createSchemaReference(eventClass)));
        ObjectNode definitions = schemas.collectDefinitions(SCHEMAS);

        ObjectNode root = json.objectNode();
        root.put("asyncapi", "2.6.0");
        root.put("id", "urn:pdca-ledger:events");
        ObjectNode info = root.putObject("info");
        info.put("title", "PDCA Ledger events");
        info.put("version", "1");
        info.put("description", "Every change in PDCA Ledger is an event. Integrators receive them in global order "
                + "as CloudEvents 1.0 (structured JSON): paged (GET /api/feed?after=&limit=&type=&unit=), as "
                + "server-sent events (GET /api/feed/stream, resuming after Last-Event-ID) or pushed to a webhook "
                + "(POST /api/webhooks). The extension attribute pdcaposition is the global position to resume "
                + "after; pdcaactor names who caused the event. Types are versioned: a changed event gets a new "
                + "type name.");
        root.put("defaultContentType", CloudEventEnvelope.CONTENT_TYPE);

        ArrayNode oneOf = json.arrayNode();
        dataRefs.keySet().forEach(type -> oneOf.addObject().put("$ref", "#/components/messages/" + type));
        ObjectNode channels = root.putObject("channels");
        channel(channels, "/api/feed/stream", "streamEvents", "Server-sent events: id is the position, event the "
                + "type, data the CloudEvent. Reconnect with Last-Event-ID to continue exactly after it.", oneOf);
        channel(channels, "/api/feed", "pageEvents", "A JSON array of CloudEvents "
                + "(" + CloudEventEnvelope.BATCH_CONTENT_TYPE + "); the next page is in the Link header.", oneOf);
        channel(channels, "webhook", "receiveWebhook", "POSTed to a registered URL, one event per request, in order "
                + "per subscription, signed per the Standard Webhooks specification: webhook-id (the event id, the "
                + "same on every retry), webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of "
                + "id.timestamp.body> with the subscription's secret).", oneOf);

        ObjectNode components = root.putObject("components");
        ObjectNode schemaNodes = components.putObject("schemas");
        schemaNodes.set(ENVELOPE, envelopeSchema(json));
        definitions.fields().forEachRemaining(field -> schemaNodes.set(field.getKey(), field.getValue()));
        ObjectNode messages = components.putObject("messages");
        dataRefs.forEach((type, dataRef) -> {
            Class<?> eventClass = catalog.types().get(type);
            ObjectNode message = messages.putObject(type);
            message.put("name", type);
            message.put("title", eventClass.getSimpleName());
            message.put("contentType", CloudEventEnvelope.CONTENT_TYPE);
            ObjectNode payload = message.putObject("payload");
            ArrayNode allOf = payload.putArray("allOf");
            allOf.addObject().put("$ref", "#/" + SCHEMAS + "/" + ENVELOPE);
            ObjectNode specific = allOf.addObject();
            specific.put("type", "object");
            ObjectNode props = specific.putObject("properties");
            props.putObject("type").put("const", type);
            props.set("data", dataRef);
            message.put("x-pdca-event-class", eventClass.getName());
        });
        return root;
    }

    private static void channel(ObjectNode channels, String name, String operationId, String description,
            ArrayNode messages) {
        ObjectNode channel = channels.putObject(name);
        channel.put("description", description);
        ObjectNode subscribe = channel.putObject("subscribe");
        subscribe.put("operationId", operationId);
        subscribe.putObject("message").set("oneOf", messages.deepCopy());
    }

    private static ObjectNode envelopeSchema(JsonNodeFactory json) {
        ObjectNode schema = json.objectNode();
        schema.put("type", "object");
        schema.put("description", "CloudEvents 1.0 envelope (structured JSON mode)");
        ArrayNode required = schema.putArray("required");
        for (String name : new String[] {"specversion", "id", "source", "type", CloudEventEnvelope.POSITION}) {
            required.add(name);
        }
        ObjectNode props = schema.putObject("properties");
        props.putObject("specversion").put("const", "1.0");
        props.putObject("id").put("type", "string").put("description", "the event id; unique, stable");
        props.putObject("source").put("type", "string").put("format", "uri-reference");
        props.putObject("type").put("type", "string").put("description", "pdca.<feature>.<event>.v<revision>");
        props.putObject("subject").put("type", "string").put("description", "the aggregate the event is about");
        props.putObject("time").put("type", "string").put("format", "date-time");
        props.putObject("datacontenttype").put("const", "application/json");
        props.putObject(CloudEventEnvelope.POSITION).put("type", "integer").put("minimum", 1)
                .put("description", "the global position; resume with after=<this>");
        props.putObject(CloudEventEnvelope.ACTOR).put("type", "string")
                .put("description", "who caused the event (user name or client id)");
        props.putObject("data").put("type", "object");
        return schema;
    }

    static SchemaGenerator schemaGenerator() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(new ObjectMapper(),
                SchemaVersion.DRAFT_7, OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.STANDARD_FORMATS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withDefinitionNamingStrategy((key, context) -> {
            Class<?> type = key.getType().getErasedType();
            String name = type.getName();
            return name.startsWith(EventCatalog.KERNEL_PACKAGE + ".")
                    ? name.substring(EventCatalog.KERNEL_PACKAGE.length() + 1).replace('$', '.')
                    : type.getSimpleName();
        });
        return new SchemaGenerator(config.build());
    }
}
