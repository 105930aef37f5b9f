package org.pdcaledger.support.security;

import java.util.ArrayList;
import java.util.List;

import org.pdcaledger.kernel.access.Grant;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the {@link Caller} out of a verified identity token; each grant's role becomes a {@code ROLE_…} authority.
 * A malformed grant makes the whole token unusable rather than silently narrowing it.
 */
public class CallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> grantTexts = jwt.getClaimAsStringList(IdentityToken.CLAIM_GRANTS);
        List<Grant> grants = new ArrayList<>();
        if (grantTexts != null) {
            grantTexts.forEach(text -> grants.add(Grant.parse(text)));
        }
        String name = jwt.getClaimAsString(IdentityToken.CLAIM_NAME);
        Boolean client = jwt.getClaimAsBoolean(IdentityToken.CLAIM_CLIENT);
        Caller caller = new Caller(jwt.getSubject(), name == null ? jwt.getSubject() : name, grants,
                Boolean.TRUE.equals(client));
        List<GrantedAuthority> authorities = grants.stream()
                .map(g -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + g.role().name()))
                .distinct()
                .toList();
        return new CallerAuthentication(jwt, authorities, caller);
    }
}
