package org.pdcaledger.query.dashboard;

import java.util.Locale;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.query.maturity.Periods;
import org.pdcaledger.support.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may read the dashboard, and how its parameters are written.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration implements WebMvcConfigurer {

    /**
     * {@code period=2026-Q2}, {@code 2026-05} or {@code 2026} (a malformed one is a 400 naming the parameter);
     * {@code granularity=quarter} in any case.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, AssessmentPeriod.class, Periods::parse);
        registry.addConverter(String.class, PeriodType.class,
                text -> PeriodType.valueOf(text.trim().toUpperCase(Locale.ROOT)));
    }

    /** The people of the organisation read the dashboard; which units each may see is checked per call. */
    @Bean
    EndpointRules dashboardQueryRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/api/dashboard", "/api/dashboard/initiatives", "/api/rankings",
                        "/api/heatmap", "/api/trends", "/api/stalled-work", "/api/improvement-evidence")
                .hasAnyRole("ADMIN", "LEADER", "ASSESSOR", "IMPROVER");
    }
}
