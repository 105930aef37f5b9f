package org.pdcaledger.support.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The services are OAuth2 resource servers: every request needs a bearer token signed by web-ui (or, by
 * configuration, by an external OIDC provider), except the health endpoint that the launcher and the
 * orchestrator poll. Sessions and CSRF are off because nothing here is a browser session.
 * Each service adds its endpoint rules through an {@link EndpointRules} bean; a path without a rule is refused.
 * Integrator tokens are confined to the feed and webhooks before any rule is consulted ({@link IntegratorConfinement}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(ResourceServerProperties.class)
public class ResourceServerSecurity {

    @Bean
    SecurityFilterChain resourceServerChain(HttpSecurity http, ObjectMapper objectMapper,
            List<EndpointRules> endpointRules, ResourceServerProperties properties) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(objectMapper);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .oauth2ResourceServer(server -> server
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new CallerConverter(properties.claims()))))
                .addFilterAfter(new IntegratorConfinement(problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    requests.requestMatchers("/error").permitAll();
                    endpointRules.forEach(rules -> rules.apply(requests));
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    @Bean
    JwtDecoder identityTokenDecoder(ResourceServerProperties properties) throws IOException {
        return decoderFor(properties);
    }

    /**
     * The decoder the configuration asks for: an external OIDC provider (discovered on first use, so a service
     * starts while the provider is briefly down), a fixed public key, or web-ui's key set. Each checks signature,
     * expiry, issuer and audience.
     */
    public static JwtDecoder decoderFor(ResourceServerProperties properties) throws IOException {
        if (properties.trustsExternalProvider()) {
            return new SupplierJwtDecoder(() -> withChecks(
                    NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build(),
                    properties.issuerUri(), properties.audience()));
        }
        NimbusJwtDecoder decoder = properties.publicKeyLocation() != null
                ? NimbusJwtDecoder.withPublicKey(readPublicKey(properties.publicKeyLocation())).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).build();
        return withChecks(decoder, properties.issuer(), properties.audience());
    }

    private static NimbusJwtDecoder withChecks(NimbusJwtDecoder decoder, String issuer, String audience) {
        OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(audience));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), audienceValidator));
        return decoder;
    }

    static RSAPublicKey readPublicKey(org.springframework.core.io.Resource location) throws IOException {
        try (InputStream in = location.getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("not an RSA public key in PEM form: " + location, e);
        }
    }
}
