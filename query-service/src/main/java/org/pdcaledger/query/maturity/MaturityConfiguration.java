package org.pdcaledger.query.maturity;

import java.time.Clock;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.pdcaledger.query.framework.FrameworkProjection;
import org.pdcaledger.support.security.EndpointRules;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * The maturity views' glue: settings, the service, whether the projection has caught up, and who may read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaturityProperties.class)
class MaturityConfiguration {

    @Bean
    MaturityViews maturityViews(MaturityProjection projection, FrameworkProjection frameworks, ScopeGuard scopes,
            MaturityProperties properties, Clock clock, ProjectionProgress maturityProgress,
            MongoDatabase readStore, ObjectMapper objectMapper) {
        return new MaturityViews(projection, frameworks, scopes, properties, clock, maturityProgress, readStore,
                objectMapper);
    }

    /** Caught up: this instance processes the group's segments, none is replaying, and all have caught up. */
    @Bean
    ProjectionProgress maturityProgress(org.axonframework.config.Configuration axon) {
        return () -> axon.eventProcessingConfiguration()
                .eventProcessor(MaturityProjection.GROUP, StreamingEventProcessor.class)
                .map(processor -> !processor.isReplaying() && !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp))
                .orElse(false);
    }

    /** A unit's maturity is read by the people of the organisation; which units each may see is checked per call. */
    @Bean
    EndpointRules maturityQueryRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/units/*/maturity")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
