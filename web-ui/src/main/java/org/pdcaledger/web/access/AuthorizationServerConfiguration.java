package org.pdcaledger.web.access;

import java.util.List;

import org.pdcaledger.support.security.IdentityToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * OAuth2 client credentials for integrators (Spring Authorization Server): {@code POST /oauth2/token} with
 * {@code client_secret_basic} or {@code client_secret_post}, clients from {@link IntegratorClients}, tokens signed
 * with the identity-token key and published at {@code /oauth2/jwks}. The token carries the same claims as a
 * person's identity token ({@code iss} pdca-ledger, {@code aud} pdca-services, {@code grants}), with
 * {@code grants = [INTEGRATOR@unit]} and {@code client = true}, so the services need nothing new to read it.
 * <p>
 * Authorizations are not stored: a client-credentials token is self-contained and short-lived, and revoking the
 * client stops it at web-ui at once. So introspection and revocation endpoints answer "inactive", and no
 * memory or collection grows with every token.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServerChain(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, Customizer.withDefaults())
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityTokenIssuer issuer) {
        return issuer.signingKeys();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> integratorTokenClaims(IntegratorClients clients) {
        return context -> {
            if (!AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                    || !OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            IntegratorClients.IntegratorClient client = clients.find(context.getRegisteredClient().getClientId())
                    .orElseThrow(() -> new IllegalStateException("the client vanished while its token was made"));
            context.getClaims()
                    .issuer(IdentityToken.DEFAULT_ISSUER)
                    .audience(List.of(IdentityToken.AUDIENCE))
                    .claim(IdentityToken.CLAIM_NAME, client.name())
                    .claim(IdentityToken.CLAIM_GRANTS, List.of(client.grant().toString()))
                    .claim(IdentityToken.CLAIM_CLIENT, true);
        };
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new OAuth2AuthorizationService() {
            @Override
            public void save(OAuth2Authorization authorization) {
                // self-contained tokens: nothing to remember
            }

            @Override
            public void remove(OAuth2Authorization authorization) {
                // nothing stored
            }

            @Override
            public OAuth2Authorization findById(String id) {
                return null;
            }

            @Override
            public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
                return null;
            }
        };
    }
}
