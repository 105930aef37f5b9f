package org.pdcaledger.query.framework;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Frameworks are readable by every person with a role in the organisation (not by integrator clients).
 */
@Configuration(proxyBeanMethods = false)
class FrameworkQueryEndpointRules {

    @Bean
    EndpointRules frameworkQueryRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/frameworks", "/api/frameworks/*")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
