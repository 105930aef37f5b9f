package org.pdcaledger.command.config;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Which roles may call which command endpoint. Unit scopes are checked by each command handler's caller check;
 * this table is the coarse gate. A path that is not listed here is refused.
 */
@Configuration(proxyBeanMethods = false)
class CommandEndpointRules {

    @Bean
    EndpointRules commandRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/units").hasRole("ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/units/*").hasRole("ADMIN");
    }
}
