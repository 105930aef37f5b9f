package org.pdcaledger.query.admin;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Only administrators reach the read-model admin endpoints; the controller further requires a grant on every unit.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionAdminEndpointRules {

    @Bean
    EndpointRules projectionAdminRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/admin/projections").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/admin/projections/rebuild", "/api/admin/projections/*/rebuild")
                .hasRole("ADMIN");
    }
}
