package org.pdcaledger.command.feedback;

import org.pdcaledger.support.security.EndpointRules;
import org.pdcaledger.support.security.IdentityToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;

/**
 * The coarse gate for feedback commands; the handlers check the unit scopes. One item may be posted by people who
 * record feedback and by integrator clients whose token carries {@code feedback:write}; imports are for people who
 * record feedback; links to initiatives are improvement work.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackEndpointRules {

    @Bean
    EndpointRules feedbackRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/feedback").access(AuthorizationManagers.anyOf(
                        AuthorityAuthorizationManager.hasAnyRole("ADMIN", "ASSESSOR", "IMPROVER"),
                        AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("INTEGRATOR"),
                                AuthorityAuthorizationManager.hasAuthority(
                                        "SCOPE_" + IdentityToken.SCOPE_FEEDBACK_WRITE))))
                .requestMatchers(HttpMethod.POST, "/api/feedback/imports").hasAnyRole("ADMIN", "ASSESSOR", "IMPROVER")
                .requestMatchers(HttpMethod.POST, "/api/feedback/*/link", "/api/feedback/*/unlink")
                .hasAnyRole("ADMIN", "IMPROVER");
    }
}
