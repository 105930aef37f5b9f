package org.pdcaledger.command.assessment;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Assessment commands are for assessors (an administrator's grant stands for every role on its subtree); the
 * handlers check that the grant covers the assessed unit.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentEndpointRules {

    @Bean
    EndpointRules assessmentRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/assessments", "/api/assessments/*/submit",
                        "/api/assessments/*/finalise", "/api/assessments/*/reopen").hasAnyRole("ASSESSOR", "ADMIN")
                .requestMatchers(HttpMethod.PUT, "/api/assessments/*/ratings/*").hasAnyRole("ASSESSOR", "ADMIN");
    }
}
