package org.pdcaledger.query.feedback;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Feedback figures are read by the people of the organisation; which units each may see is checked per request.
 * Integrators receive feedback events through the feed, not these views.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackQueryEndpointRules {

    @Bean
    EndpointRules feedbackQueryRules() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/feedback/**")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
