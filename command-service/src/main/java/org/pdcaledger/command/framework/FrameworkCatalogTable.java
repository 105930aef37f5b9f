package org.pdcaledger.command.framework;

import java.util.List;
import java.util.Optional;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's list of published framework versions and their indicators ({@code framework_indicator}),
 * which an assessment needs when it starts. Subscribing, like the unit tree: written in the same transaction as the
 * {@link FrameworkVersionPublishedEvent}, so an assessment can start right after the import returns.
 */
@Component
@ProcessingGroup(FrameworkCatalogTable.PROCESSING_GROUP)
public class FrameworkCatalogTable {

    public static final String PROCESSING_GROUP = "framework-catalog";

    private final JdbcTemplate jdbc;

    FrameworkCatalogTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(FrameworkVersionPublishedEvent event) {
        FrameworkDefinition definition = event.definition();
        List<String> codes = definition.indicatorCodes();
        for (int i = 0; i < codes.size(); i++) {
            jdbc.update("INSERT INTO framework_indicator (framework_code, framework_version, seq_no, indicator_code) "
                    + "VALUES (?, ?, ?, ?)", definition.code(), definition.version(), i, codes.get(i));
        }
    }

    /** The indicator codes of a published version, in document order; empty when the version is not published. */
    public List<String> indicatorCodes(String frameworkCode, int version) {
        return jdbc.queryForList("SELECT indicator_code FROM framework_indicator "
                + "WHERE framework_code = ? AND framework_version = ? ORDER BY seq_no", String.class,
                frameworkCode, version);
    }

    /** The highest published version of a framework code. */
    public Optional<Integer> latestVersion(String frameworkCode) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT MAX(framework_version) FROM framework_indicator WHERE framework_code = ?", Integer.class,
                frameworkCode));
    }

    /** Whether some published version of the framework has the indicator; what an initiative's linked gap needs. */
    public boolean hasIndicator(String frameworkCode, String indicatorCode) {
        Integer versions = jdbc.queryForObject("SELECT COUNT(*) FROM framework_indicator "
                + "WHERE framework_code = ? AND indicator_code = ?", Integer.class, frameworkCode, indicatorCode);
        return versions != null && versions > 0;
    }

    @Configuration(proxyBeanMethods = false)
    static class SubscribingCatalog {

        /** Runs the catalog in the publishing thread and transaction, as {@code unit-tree} is for units. */
        @Bean
        ConfigurerModule frameworkCatalogIsSubscribing() {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.registerSubscribingEventProcessor(PROCESSING_GROUP));
        }
    }
}
