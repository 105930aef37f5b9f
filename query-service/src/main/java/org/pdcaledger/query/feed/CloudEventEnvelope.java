package org.pdcaledger.query.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.pdcaledger.kernel.common.MetadataKeys;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

/**
 * Wraps a stored event in a CloudEvents 1.0 envelope and writes envelopes as JSON (the structured mode of the
 * CloudEvents JSON format, and its batch form). The envelope carries two extension attributes:
 * {@value #POSITION} (the global position to resume after) and {@value #ACTOR} (who caused the event).
 */
@Component
public class CloudEventEnvelope {

    public static final String POSITION = "pdcaposition";
    public static final String ACTOR = "pdcaactor";
    public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private final URI source;
    private final ObjectMapper data;
    private final ObjectMapper envelopes;

    CloudEventEnvelope(FeedProperties properties, ObjectMapper objectMapper) {
        this.source = URI.create(properties.source());
        // data keeps null fields, so every event of a type has the same shape as its schema says
        this.data = objectMapper.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);
        this.envelopes = new ObjectMapper().registerModule(JsonFormat.getCloudEventJacksonModule());
    }

    /** The event's data as JSON. */
    public JsonNode dataOf(EventMessage<?> message) {
        return data.valueToTree(message.getPayload());
    }

    public CloudEvent wrap(EventMessage<?> message, String type, long position, JsonNode payload) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(message.getIdentifier())
                .withSource(source)
                .withType(type)
                .withTime(message.getTimestamp().atOffset(ZoneOffset.UTC))
                .withData("application/json", JsonCloudEventData.wrap(payload))
                .withExtension(POSITION, position);
        if (message instanceof DomainEventMessage<?> domain) {
            builder.withSubject(domain.getAggregateIdentifier());
        }
        Object actor = message.getMetaData().get(MetadataKeys.ACTOR);
        if (actor != null) {
            builder.withExtension(ACTOR, actor.toString());
        }
        return builder.build();
    }

    /** One event in structured JSON ({@code application/cloudevents+json}). */
    public byte[] json(CloudEvent event) {
        try {
            return envelopes.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events as a JSON array ({@code application/cloudevents-batch+json}). */
    public byte[] batch(List<CloudEvent> events) {
        try {
            return envelopes.writeValueAsBytes(events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
