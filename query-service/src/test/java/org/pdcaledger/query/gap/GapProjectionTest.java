package org.pdcaledger.query.gap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pdcaledger.query.gap.MaturityEvents.finalised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.assessment.AssessmentReopenedEvent;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.query.framework.FrameworkProjection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class GapProjectionTest {

    private static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private FrameworkProjection frameworks;
    private GapProjection gaps;
    private long position;

    @BeforeEach
    void setUp() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoDatabase database = client.getDatabase("test");
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        frameworks = new FrameworkProjection(database, mapper);
        gaps = new GapProjection(database, mapper, frameworks);
        position = 0;
        frameworks.on(MaturityEvents.published(), AT, next());
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.shutdownNow();
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private List<OpenGap> open() {
        return gaps.state("u-a", MaturityEvents.FRAMEWORK).map(GapState::open).orElse(List.of());
    }

    @Test
    void anIndicatorBelowTarget_isAnOpenGap_withItsNamesAndSize() {
        gaps.on(finalised("a-1", "u-a", "2026-Q1", 2, 4, 3, 3, 1, 2), next());

        assertThat(open()).extracting(OpenGap::indicatorCode).containsExactly("i1", "i3");
        OpenGap first = open().get(0);
        assertThat(first.indicatorName().zh()).isEqualTo("规范性");
        assertThat(first.dimensionName().zh()).isEqualTo("高效率管理");
        assertThat(first.targetLevel() - first.currentLevel()).isEqualTo(2);
        assertThat(first.openedByAssessmentId()).isEqualTo("a-1");
    }

    @Test
    void aGap_keepsItsId_acrossAssessments_untilRatedAtTarget_thenALaterShortfallIsANewGap() {
        gaps.on(finalised("a-1", "u-a", "2026-Q1", 2, 4, 3, 3, 3, 3), next());
        String gapId = open().get(0).gapId();

        gaps.on(finalised("a-2", "u-a", "2026-Q2", 3, 4, 3, 3, 3, 3), next());
        assertThat(open()).singleElement().satisfies(gap -> {
            assertThat(gap.gapId()).isEqualTo(gapId);
            assertThat(gap.currentLevel()).isEqualTo(3);
            assertThat(gap.assessmentId()).isEqualTo("a-2");
        });

        gaps.on(finalised("a-3", "u-a", "2026-Q3", 4, 4, 3, 3, 3, 3), next());
        assertThat(open()).isEmpty();
        assertThat(gaps.state("u-a", "TEST").orElseThrow().closed()).singleElement()
                .satisfies(closed -> assertThat(closed.closedByAssessmentId()).isEqualTo("a-3"));

        gaps.on(finalised("a-4", "u-a", "2026-Q4", 3, 4, 3, 3, 3, 3), next());
        assertThat(open()).singleElement().satisfies(gap -> assertThat(gap.gapId()).isNotEqualTo(gapId));
    }

    @Test
    void aBackDatedAssessment_finalisedLater_doesNotSupersedeTheCurrentOne() {
        gaps.on(finalised("a-q2", "u-a", "2026-Q2", 2, 4, 3, 3, 3, 3), next());
        gaps.on(finalised("a-q1", "u-a", "2026-Q1", 4, 4, 1, 3, 3, 3), next());

        assertThat(open()).extracting(OpenGap::indicatorCode, OpenGap::assessmentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i1", "a-q2"));
    }

    @Test
    void reopeningTheCurrentFinalisedAssessment_fallsBackToThePreviousOne() {
        gaps.on(finalised("a-1", "u-a", "2026-Q1", 2, 4, 3, 3, 3, 3), next());
        gaps.on(finalised("a-2", "u-a", "2026-Q2", 4, 4, 2, 3, 3, 3), next());
        assertThat(open()).extracting(OpenGap::indicatorCode).containsExactly("i2");

        gaps.on(new AssessmentReopenedEvent("a-2", "u-a", AssessmentStatus.FINALISED, "wrong evidence", "zhao"),
                next());

        assertThat(open()).extracting(OpenGap::indicatorCode, OpenGap::assessmentId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("i1", "a-1"));
    }

    private void replay() {
        position = 1;
        gaps.on(finalised("a-1", "u-a", "2026-Q1", 2, 4, 3, 3, 1, 2), next());
        gaps.on(finalised("a-2", "u-a", "2026-Q2", 3, 4, 3, 5, 2, 2), next());
        gaps.on(finalised("b-1", "u-b", "2026-Q2", 1, 5, 1, 5, 1, 5), next());
    }

    private List<String> documents() {
        return gaps.states().collection().find().sort(new Document("_id", 1)).into(new ArrayList<>()).stream()
                .map(Document::toJson).toList();
    }

    @Test
    void replayingTheSameEventsTwice_leavesEveryDocumentIdentical_andResetRebuildsThemByteForByte() {
        replay();
        List<String> once = documents();
        assertThat(once).hasSize(2);

        replay();
        assertThat(documents()).isEqualTo(once);

        gaps.reset();
        assertThat(documents()).isEmpty();
        replay();
        assertThat(documents()).isEqualTo(once);
    }
}
