package org.pdcaledger.query.framework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.framework.FrameworkVersionPublishedEvent;
import org.pdcaledger.kernel.framework.FrameworkVersionView;
import org.pdcaledger.query.config.EventPositions;
import org.pdcaledger.query.config.ViewStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

/**
 * Projects published framework versions: one document per version (the framework page, the assessment form) and
 * one summary per framework code (the framework list). In the {@value #GROUP} processing group with the assessment
 * and gap projections, which read framework versions (indicator names) while they project: a version is always
 * published before any assessment uses it, so within one group it is always there.
 */
@Component
@ProcessingGroup(FrameworkProjection.GROUP)
public class FrameworkProjection {

    /** The processing group of frameworks, assessments and gaps. */
    public static final String GROUP = "maturity";

    private final ViewStore<FrameworkVersionView> versions;
    private final ViewStore<FrameworkSummary> summaries;

    public FrameworkProjection(MongoDatabase readStore, ObjectMapper objectMapper) {
        this.versions = new ViewStore<>(readStore, "framework-versions", FrameworkVersionView.class, objectMapper);
        this.summaries = new ViewStore<>(readStore, "frameworks", FrameworkSummary.class, objectMapper);
    }

    static String versionKey(String code, int version) {
        return code + ":" + version;
    }

    @EventHandler
    public void on(FrameworkVersionPublishedEvent event, @Timestamp Instant at, TrackingToken token) {
        long position = EventPositions.of(token);
        FrameworkDefinition definition = event.definition();
        int indicatorCount = definition.indicatorCodes().size();
        versions.apply(versionKey(definition.code(), definition.version()), position,
                current -> new FrameworkVersionView(definition, indicatorCount, at));
        summaries.apply(definition.code(), position, current -> {
            List<Integer> all = new ArrayList<>(current == null ? List.of() : current.versions());
            if (!all.contains(definition.version())) {
                all.add(definition.version());
            }
            all.sort(null);
            if (current != null && current.latestVersion() > definition.version()) {
                return new FrameworkSummary(current.code(), current.name(), current.latestVersion(), all,
                        current.dimensionCount(), current.indicatorCount());
            }
            return new FrameworkSummary(definition.code(), definition.name(), definition.version(), all,
                    definition.dimensions().size(), indicatorCount);
        });
    }

    /** A published version, for other projections and for reads. */
    public Optional<FrameworkVersionView> version(String code, int version) {
        return versions.find(versionKey(code, version));
    }

    public Optional<FrameworkDefinition> definition(String code, int version) {
        return version(code, version).map(FrameworkVersionView::definition);
    }

    ViewStore<FrameworkSummary> summaries() {
        return summaries;
    }

    @ResetHandler
    void reset() {
        versions.deleteAll();
        summaries.deleteAll();
    }
}
