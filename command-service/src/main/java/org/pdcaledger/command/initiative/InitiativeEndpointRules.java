package org.pdcaledger.command.initiative;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Initiative commands are for improvement teams (and administrators); whether the caller's grant covers the
 * initiative's unit is checked by the aggregate.
 */
@Configuration(proxyBeanMethods = false)
class InitiativeEndpointRules {

    @Bean
    EndpointRules initiativeCommandRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/initiatives", "/api/initiatives/*/**")
                .hasAnyRole("IMPROVER", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/initiatives/*/actions/*")
                .hasAnyRole("IMPROVER", "ADMIN");
    }
}
