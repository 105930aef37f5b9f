package org.pdcaledger.query.initiative;

import java.time.Clock;
import java.time.ZoneId;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.support.security.EndpointRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The initiative read side's glue: who may read, the clock the flags are computed with, and how the projection's
 * failures are handled.
 */
@Configuration(proxyBeanMethods = false)
class InitiativeQueryConfiguration implements WebMvcConfigurer {

    /** {@code ?stage=} takes the stage's name or its Chinese name (执行管理 or 执行). */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, InitiativeStage.class, InitiativeStage::parse);
    }

    /** Leaders, improvement teams, assessors and administrators read initiatives in their scope. */
    @Bean
    EndpointRules initiativeQueryRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/initiatives", "/api/initiatives/*",
                        "/api/initiatives/*/history")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }

    /**
     * "Today" for overdue actions is the calendar day where the units work, {@code pdca.time-zone} (default
     * Asia/Shanghai). Declared only when no other part of the service declares a clock.
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${pdca.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }

    /**
     * A failing initiative event is retried rather than logged and skipped: skipping would leave the views wrong
     * for good, while the one expected failure (the units view not having caught up with a new unit yet) heals
     * itself on retry.
     */
    @Bean
    ConfigurerModule initiativeProjectionRetries() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(InitiativeProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
