package org.pdcaledger.query.config;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which query endpoint; a path that is not listed here is refused.
 */
@Configuration(proxyBeanMethods = false)
class QueryEndpointRules {

    @Bean
    EndpointRules queryRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/units", "/api/units/*")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
