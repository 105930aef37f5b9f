package org.pdcaledger.support.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the {@link Caller} out of a verified identity token; each grant's role becomes a {@code ROLE_…} authority.
 * A malformed grant makes the whole token unusable (401) rather than silently narrowing it, and so does a client
 * token that claims anything but {@code INTEGRATOR} grants: a machine never acts as a person.
 * <p>
 * A client token's OAuth2 {@code scope} claim becomes the caller's rights and {@code SCOPE_…} authorities (as Spring
 * Security names them), e.g. {@code SCOPE_feedback:write}; a person's token never carries rights, whatever it claims.
 */
public class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ResourceServerProperties.ClaimNames claims;

    public CallerConverter() {
        this(ResourceServerProperties.ClaimNames.DEFAULT);
    }

    public CallerConverter(ResourceServerProperties.ClaimNames claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Caller caller = callerOf(jwt);
        List<GrantedAuthority> authorities = java.util.stream.Stream.concat(
                        caller.grants().stream().map(g -> "ROLE_" + g.role().name()),
                        caller.rights().stream().sorted().map(right -> "SCOPE_" + right))
                .distinct()
                .map(name -> (GrantedAuthority) new SimpleGrantedAuthority(name))
                .toList();
        return new CallerAuthentication(jwt, authorities, caller);
    }

    /** The caller a verified token describes; throws {@link InvalidBearerTokenException} for a malformed one. */
    public Caller callerOf(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("the token names no subject");
        }
        List<Grant> grants = new ArrayList<>();
        for (String text : grantTexts(jwt.getClaim(claims.grants()))) {
            try {
                grants.add(Grant.parse(text));
            } catch (IllegalArgumentException e) {
                throw new InvalidBearerTokenException("the token carries a malformed grant");
            }
        }
        Object clientClaim = jwt.getClaim(claims.client());
        boolean client = Boolean.TRUE.equals(clientClaim) || "true".equalsIgnoreCase(String.valueOf(clientClaim));
        if (client && grants.stream().anyMatch(g -> g.role() != Role.INTEGRATOR)) {
            throw new InvalidBearerTokenException("a client token may only carry INTEGRATOR grants");
        }
        Object name = jwt.getClaim(claims.name());
        Set<String> rights = client ? Set.copyOf(grantTexts(jwt.getClaim(IdentityToken.CLAIM_SCOPE))) : Set.of();
        return new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : name.toString(), grants, client,
                rights);
    }

    private static List<String> grantTexts(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return Arrays.stream(claim.toString().split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }
}
