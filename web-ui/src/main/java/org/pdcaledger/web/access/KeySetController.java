package org.pdcaledger.web.access;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public half of the identity-token key, for the services (JWK Set, RFC 7517).
 */
@RestController
class KeySetController {

    private final IdentityTokenIssuer issuer;

    KeySetController(IdentityTokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping(value = "/oauth2/jwks", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> keySet() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(issuer.publicKeySet());
    }
}
