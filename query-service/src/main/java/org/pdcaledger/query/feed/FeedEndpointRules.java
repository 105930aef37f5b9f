package org.pdcaledger.query.feed;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may read the event feed: integrators, leaders and administrators (each sees only the events of the units
 * their grants cover, plus the events of no unit). The API documents (AsyncAPI for the events, OpenAPI for the
 * REST endpoints) are open to every authenticated caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedProperties.class)
class FeedEndpointRules {

    @Bean
    EndpointRules feedRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/feed/asyncapi.json", "/api/asyncapi.json",
                        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**")
                .authenticated()
                .requestMatchers(HttpMethod.GET, "/api/feed", "/api/feed/stream")
                .hasAnyRole("INTEGRATOR", "LEADER", "ADMIN");
    }
}
