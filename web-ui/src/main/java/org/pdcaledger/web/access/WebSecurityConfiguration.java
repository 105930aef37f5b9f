package org.pdcaledger.web.access;

import java.time.Clock;
import java.util.List;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.support.security.CallerAuthentication;
import org.pdcaledger.support.security.CallerConverter;
import org.pdcaledger.support.security.IdentityToken;
import org.pdcaledger.support.security.IntegratorConfinement;
import org.pdcaledger.support.security.ProblemAuthenticationEntryPoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * web-ui's own security, for two kinds of caller:
 * <ul>
 * <li>people in a browser: form login with lock-out ({@link LockoutAuthenticationProvider}), a session cookie
 * (HttpOnly, SameSite=Lax, Secure over HTTPS, also behind a proxy that sends {@code X-Forwarded-Proto}, or always
 * with {@code PDCA_SECURE_COOKIES=true}), CSRF on every state change including {@code /api/**} (the token is in the
 * {@code XSRF-TOKEN} cookie that the pages echo in {@code X-XSRF-TOKEN}), logout, session timeout;</li>
 * <li>integrators: a bearer token from {@code POST /oauth2/token} on {@code /api/**} only, checked here (signature,
 * issuer, audience, a client token of a client that is not revoked) and confined to the feed and webhooks. A request
 * that carries a bearer token is exempt from CSRF: a browser never adds that header by itself.</li>
 * </ul>
 * The administration ({@code /admin/**}) needs an ADMIN grant on all units, read from the account on every request
 * so that a revoked grant takes effect at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebSecurityConfiguration {

    private static final RequestMatcher JSON_REQUESTS = request -> request.getRequestURI().startsWith("/api/")
            || request.getRequestURI().startsWith("/admin/api/");
    private static final RequestMatcher BEARER_REQUESTS = request -> {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Checks integrator tokens presented to web-ui's API: web-ui's own key, issuer and audience. */
    @Bean
    JwtDecoder apiTokenDecoder(IdentityTokenIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(IdentityToken.DEFAULT_ISSUER),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains(IdentityToken.AUDIENCE))));
        return decoder;
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, ObjectMapper objectMapper, UserAccounts accounts,
            IntegratorClients clients, JwtDecoder apiTokenDecoder, PasswordEncoder encoder, LoginAttempts attempts,
            AuditLog audit, @Value("${pdca.security.secure-cookies:false}") boolean secureCookies) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper);
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        csrfHandler.setCsrfRequestAttributeName(null);
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            if (secureCookies) {
                cookie.secure(true);
            }
        });
        CallerConverter callers = new CallerConverter();
        JwtAuthenticationProvider integratorTokens = new JwtAuthenticationProvider(apiTokenDecoder);
        integratorTokens.setJwtAuthenticationConverter(token -> {
            CallerAuthentication authentication = (CallerAuthentication) callers.convert(token);
            if (!authentication.caller().client()) {
                throw new InvalidBearerTokenException("people use their session, not a token");
            }
            if (!clients.isActive(authentication.caller().subject())) {
                throw new InvalidBearerTokenException("the client has been revoked");
            }
            return authentication;
        });
        // Explicit managers without a parent: no other provider may ever get a second try at a refused login.
        http.authenticationManager(new ProviderManager(
                        new LockoutAuthenticationProvider(accounts, encoder, attempts, audit)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers("/admin", "/admin/**").access(administrators(accounts))
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(apiBearerTokens())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.authenticationManager(new ProviderManager(integratorTokens))))
                .addFilterAfter(new IntegratorConfinement(problems), BearerTokenAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        .ignoringRequestMatchers(BEARER_REQUESTS))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof LoginLockedException
                                        ? "/login?locked" : "/login?error")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .deleteCookies("PDCA_SESSION"))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(problems, JSON_REQUESTS)
                        .defaultAccessDeniedHandlerFor(problems, JSON_REQUESTS));
        return http.build();
    }

    /** Bearer tokens count only on the public API; elsewhere (pages, administration) only the session does. */
    private static BearerTokenResolver apiBearerTokens() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        return request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                ? resolver.resolve(request) : null;
    }

    private static AuthorizationManager<RequestAuthorizationContext> administrators(UserAccounts accounts) {
        Grant everything = new Grant(Role.ADMIN, Grant.ALL_UNITS);
        return (authentication, context) -> {
            var current = authentication.get();
            boolean admin = current != null && current.isAuthenticated()
                    && !(current instanceof CallerAuthentication)
                    && accounts.find(current.getName())
                            .filter(UserAccount::enabled)
                            .map(account -> account.grants().contains(everything))
                            .orElse(false);
            return new AuthorizationDecision(admin);
        };
    }
}
