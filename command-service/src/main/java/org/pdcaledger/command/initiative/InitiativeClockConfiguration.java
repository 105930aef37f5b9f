package org.pdcaledger.command.initiative;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock that rules about "today" read (a measurement may not be dated in the future). "Today" is the calendar
 * day where the units work, {@code pdca.time-zone} (default Asia/Shanghai), not the server's zone: a measurement
 * taken on the morning of the 5th in Beijing is still dated the 5th on a server running in UTC.
 * Declared only when no other part of the service declares a clock.
 */
@Configuration(proxyBeanMethods = false)
class InitiativeClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(@Value("${pdca.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
