package org.pdcaledger.query.config;

import org.pdcaledger.support.security.ScopeGuard;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scope checks on the query side use the projected unit tree.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ScopeGuard scopeGuard(UnitHierarchy unitHierarchy) {
        return new ScopeGuard(unitHierarchy);
    }
}
