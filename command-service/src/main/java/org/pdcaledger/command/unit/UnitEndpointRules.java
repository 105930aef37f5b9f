package org.pdcaledger.command.unit;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The coarse gate for the unit tree's reorganisation endpoints (move, retire, import); administrators only. The
 * handlers check that the administrator's scope covers the units concerned.
 */
@Configuration(proxyBeanMethods = false)
class UnitEndpointRules {

    @Bean
    EndpointRules unitRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/units/import", "/api/units/*/move", "/api/units/*/retire")
                .hasRole("ADMIN");
    }
}
