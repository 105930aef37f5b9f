package org.pdcaledger.query.gap;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The gap board is read by the people of the organisation; which units each may see is checked per request.
 */
@Configuration(proxyBeanMethods = false)
class GapQueryEndpointRules {

    @Bean
    EndpointRules gapQueryRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/gaps")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
