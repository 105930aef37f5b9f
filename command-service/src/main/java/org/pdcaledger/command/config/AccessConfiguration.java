package org.pdcaledger.command.config;

import org.pdcaledger.support.security.ScopeGuard;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Scope checks on the command side use the unit tree kept in the event store's database.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ScopeGuard scopeGuard(UnitHierarchy unitHierarchy) {
        return new ScopeGuard(unitHierarchy);
    }
}
