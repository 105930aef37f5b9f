package org.pdcaledger.web.access;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Browser security: form login with a session cookie, CSRF on every state change (the token is in a cookie that
 * htmx and the pages echo back in {@code X-XSRF-TOKEN}), logout. Health and the public key set are open;
 * everything else needs a login.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final Duration REMEMBERED_LOGIN = Duration.ofHours(8);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);
        RequestMatcher apiRequests = request -> request.getRequestURI().startsWith("/api/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/oauth2/jwks").permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/webjars/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .deleteCookies("PDCA_SESSION"))
                .exceptionHandling(handling -> handling.defaultAuthenticationEntryPointFor(
                        (request, response, e) -> {
                            response.setStatus(401);
                            response.setContentType("application/problem+json");
                            response.getWriter().write("{\"type\":\"urn:pdca-ledger:problem:unauthenticated\","
                                    + "\"title\":\"Unauthorized\",\"status\":401,\"code\":\"unauthenticated\","
                                    + "\"detail\":\"log in first\"}");
                        }, apiRequests));
        return http.build();
    }
}
