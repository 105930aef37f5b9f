package org.pdcaledger.query.assessment;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Assessment reads for the people of the organisation; which units each may see is checked per request.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentQueryEndpointRules {

    @Bean
    EndpointRules assessmentQueryRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/assessments", "/api/assessments/*",
                        "/api/assessments/*/comparison")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
