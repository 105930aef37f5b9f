package org.pdcaledger.command.framework;

import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Publishing frameworks is for administrators of the whole organisation (a framework is not tied to a unit).
 */
@Configuration(proxyBeanMethods = false)
class FrameworkEndpointRules {

    @Bean
    EndpointRules frameworkRules() {
        return requests -> requests.requestMatchers(HttpMethod.POST, "/api/frameworks").hasRole("ADMIN");
    }
}
