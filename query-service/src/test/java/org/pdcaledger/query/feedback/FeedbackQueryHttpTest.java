package org.pdcaledger.query.feedback;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.common.LocalizedName;
import org.pdcaledger.kernel.feedback.FeedbackChannel;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackKind;
import org.pdcaledger.kernel.feedback.FeedbackLinkedEvent;
import org.pdcaledger.kernel.feedback.FeedbackRecordedEvent;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativeLaunchedEvent;
import org.pdcaledger.kernel.initiative.InitiativeStandardisedEvent;
import org.pdcaledger.kernel.initiative.Metric;
import org.pdcaledger.kernel.initiative.MetricDirection;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.query.support.QueryServiceTest;
import org.pdcaledger.support.security.TestIdentityTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The feedback views over the real event store and read store. The story: bureau A (with division A1) launched an
 * initiative on the gaps accessibility and agility and standardised it on 2026-06-30 (10:00 in Beijing); citizens'
 * feedback came in before and after; the test reads it on 2026-12-01, when both 90-day windows have passed.
 */
@QueryServiceTest
class FeedbackQueryHttpTest {

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        Clock testClock() {
            return Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        }
    }

    static final String GOV = "GOV-OPS-QUALITY";
    static final FeedbackIndicator ACC = new FeedbackIndicator(GOV, "accessibility");
    static final FeedbackIndicator AGI = new FeedbackIndicator(GOV, "agility");
    static final FeedbackIndicator OTHER = new FeedbackIndicator(GOV, "choice");

    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    private static String city;
    private static String bureauA;
    private static String divisionA1;
    private static String bureauB;
    private static String initiative;
    private static String last;

    private void publish(String type, String aggregateId, long sequence, Object payload, Instant at) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at));
    }

    private void unit(String id, String parent) {
        publish("Unit", id, 0, new UnitRegisteredEvent(id, id.toUpperCase(), new LocalizedName("单位", "Unit"), parent),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    private String feedback(String unitId, String day, FeedbackKind kind, Integer satisfaction,
            FeedbackIndicator... indicators) {
        String id = "fb-" + UUID.randomUUID();
        publish("Feedback", id, 0, new FeedbackRecordedEvent(id, unitId, FeedbackChannel.HOTLINE_12345,
                "GD-" + id, LocalDate.parse(day), kind, "办事效率", "排队时间长", satisfaction, List.of(indicators),
                null), Instant.parse(day + "T03:00:00Z"));
        last = id;
        return id;
    }

    @BeforeEach
    void story() {
        if (initiative != null) {
            return;
        }
        String run = UUID.randomUUID().toString().substring(0, 6);
        city = "fq-city-" + run;
        bureauA = "fq-a-" + run;
        divisionA1 = "fq-a1-" + run;
        bureauB = "fq-b-" + run;
        unit(city, null);
        unit(bureauA, city);
        unit(divisionA1, bureauA);
        unit(bureauB, city);
        initiative = "i-" + run;
        publish("Initiative", initiative, 0, new InitiativeLaunchedEvent(initiative, bureauA, "缩短办证排队时间",
                "12345热线投诉排队时间长", "li", List.of("li"), List.of(new GapReference(GOV, "accessibility"),
                        new GapReference(GOV, "agility")),
                new Metric("平均排队时长", "分钟", java.math.BigDecimal.valueOf(120), java.math.BigDecimal.valueOf(30),
                        MetricDirection.LOWER_IS_BETTER)), Instant.parse("2026-03-01T02:00:00Z"));
        String trigger = feedback(bureauA, "2026-04-01", FeedbackKind.COMPLAINT, 2, ACC);     // before
        feedback(bureauA, "2026-03-31", FeedbackKind.COMPLAINT, null, ACC);                   // outside, March
        feedback(divisionA1, "2026-05-15", FeedbackKind.COMPLAINT, null, ACC, AGI);           // before, once
        feedback(bureauA, "2026-05-20", FeedbackKind.PRAISE, 5, ACC);                         // not a complaint
        feedback(bureauA, "2026-05-10", FeedbackKind.COMPLAINT, null, OTHER);                 // other indicator
        feedback(bureauB, "2026-05-01", FeedbackKind.COMPLAINT, null, ACC);                   // sibling bureau
        feedback(bureauA, "2026-06-29", FeedbackKind.COMPLAINT, null, AGI);                   // before, last day
        feedback(bureauA, "2026-06-30", FeedbackKind.COMPLAINT, null, ACC);                   // decision day
        feedback(bureauA, "2026-07-01", FeedbackKind.COMPLAINT, 1, ACC);                      // after, first day
        feedback(divisionA1, "2026-09-28", FeedbackKind.COMPLAINT, null, ACC);                // after, last day
        feedback(bureauA, "2026-09-29", FeedbackKind.COMPLAINT, null, ACC);                   // outside
        publish("Feedback", trigger, 1, new FeedbackLinkedEvent(trigger, bureauA, initiative),
                Instant.parse("2026-04-02T02:00:00Z"));
        publish("Initiative", initiative, 1, new InitiativeStandardisedEvent(initiative, 1, "办证预约制",
                "程序文件 QP-07 第3版"), Instant.parse("2026-06-30T02:00:00Z"));
        String admin = TestIdentityTokens.person("admin", "ADMIN@*");
        await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(get("/api/feedback/" + last)
                .header("Authorization", "Bearer " + admin)).andReturn().getResponse().getStatus() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> http.perform(get("/api/feedback/initiatives/" + initiative
                + "/effect").header("Authorization", "Bearer " + admin)).andReturn().getResponse()
                .getContentAsString().contains("STANDARDISE"));
    }

    private ResultActions read(String path, String... grants) throws Exception {
        return http.perform(get(path).header("Authorization", "Bearer " + TestIdentityTokens.person("reader", grants)));
    }

    @Test
    void initiativeEffect_countsComplaintsOnItsIndicators_inItsSubtree_beforeAndAfterTheActDay() throws Exception {
        read("/api/feedback/initiatives/" + initiative + "/effect", "LEADER@" + bureauA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.windowDays").value(90))
                .andExpect(jsonPath("$.triggers.length()").value(1))
                .andExpect(jsonPath("$.latest.decision").value("STANDARDISE"))
                .andExpect(jsonPath("$.latest.decidedOn").value("2026-06-30"))
                .andExpect(jsonPath("$.latest.before.from").value("2026-04-01"))
                .andExpect(jsonPath("$.latest.before.to").value("2026-06-29"))
                .andExpect(jsonPath("$.latest.before.complaints").value(3))   // 04-01, 05-15 (A1, once), 06-29
                .andExpect(jsonPath("$.latest.after.complaints").value(2))    // 07-01, 09-28 (A1)
                .andExpect(jsonPath("$.latest.before.per30Days").value(1.0))
                .andExpect(jsonPath("$.latest.after.per30Days").value(0.67))
                .andExpect(jsonPath("$.latest.changePercent").value(-33.33))
                .andExpect(jsonPath("$.latest.fell").value(true));
        read("/api/feedback/initiatives/" + initiative + "/effect", "LEADER@" + bureauB)
                .andExpect(status().isNotFound());
    }

    @Test
    void summary_countsVolumeComplaintsAndSatisfaction_perQuarterUnitAndIndicator_withinTheSubtree()
            throws Exception {
        read("/api/feedback/summary?unit=" + bureauA + "&from=2026-04&to=2026-09&granularity=quarter",
                "LEADER@" + bureauA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.items").value(9))
                .andExpect(jsonPath("$.totals.complaints").value(8))
                .andExpect(jsonPath("$.totals.scored").value(3))
                .andExpect(jsonPath("$.totals.averageSatisfaction").value(2.67))    // (2 + 5 + 1) / 3
                .andExpect(jsonPath("$.totals.byChannel.HOTLINE_12345").value(9))
                .andExpect(jsonPath("$.periods[*].period").value(contains("2026-Q2", "2026-Q3")))
                .andExpect(jsonPath("$.periods[0].figures.items").value(6))
                .andExpect(jsonPath("$.periods[1].figures.items").value(3))
                .andExpect(jsonPath("$.units[*].unitId").value(contains(bureauA, divisionA1)))
                .andExpect(jsonPath("$.units[0].figures.complaints").value(6))
                .andExpect(jsonPath("$.indicators[0].indicatorCode").value("accessibility"))
                .andExpect(jsonPath("$.indicators[0].figures.items").value(7))
                .andExpect(jsonPath("$.indicators[0].periods[1].figures.complaints").value(3));
        read("/api/feedback/summary?unit=" + bureauA + "&from=2026-04&to=2026-09&subtree=false",
                "LEADER@" + bureauA)
                .andExpect(jsonPath("$.totals.items").value(7))
                .andExpect(jsonPath("$.periods.length()").value(6));
    }

    @Test
    void summary_ofACity_onlyCountsTheUnitsTheReaderMaySee_andAnUnseenUnitIsNotFound() throws Exception {
        read("/api/feedback/summary?unit=" + city + "&from=2026-03&to=2026-09", "LEADER@" + city)
                .andExpect(jsonPath("$.totals.items").value(11));
        read("/api/feedback/summary?unit=" + city + "&from=2026-03&to=2026-09", "LEADER@" + bureauA)
                .andExpect(status().isNotFound());
        read("/api/feedback/summary?unit=" + bureauA + "&from=2026-03&to=2026-09", "LEADER@" + bureauB)
                .andExpect(status().isNotFound());
        read("/api/feedback/summary?unit=" + bureauA + "&from=2026-09&to=2026-03", "LEADER@" + bureauA)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("from"));
    }

    @Test
    void gaps_rankTheIndicatorsOfEachUnit_byComplaints() throws Exception {
        read("/api/feedback/gaps?unit=" + bureauA + "&framework=" + GOV + "&from=2026-04&to=2026-09&subtree=true",
                "IMPROVER@" + bureauA)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gaps[0].unitId").value(bureauA))
                .andExpect(jsonPath("$.gaps[0].indicatorCode").value("accessibility"))
                .andExpect(jsonPath("$.gaps[0].figures.complaints").value(4))   // 04-01, 06-30, 07-01, 09-29
                .andExpect(jsonPath("$.gaps[0].figures.items").value(5))        // and the praise
                .andExpect(jsonPath("$.gaps[1].unitId").value(divisionA1))
                .andExpect(jsonPath("$.gaps[1].indicatorCode").value("accessibility"))
                .andExpect(jsonPath("$.gaps[1].figures.complaints").value(2))
                .andExpect(jsonPath("$.gaps.length()").value(5));
    }

    @Test
    void item_showsTheMaskedItemWithItsInitiatives_toReadersOfItsUnitOnly() throws Exception {
        String trigger = http.perform(get("/api/feedback/initiatives/" + initiative + "/effect")
                        .header("Authorization", "Bearer " + TestIdentityTokens.person("admin", "ADMIN@*")))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"triggers\":\\[\"([^\"]+)\".*", "$1");
        read("/api/feedback/" + trigger, "ASSESSOR@" + city)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unitId").value(bureauA))
                .andExpect(jsonPath("$.initiativeIds[0]").value(initiative))
                .andExpect(jsonPath("$.receivedOn").value("2026-04-01"));
        read("/api/feedback/" + trigger, "LEADER@" + bureauB).andExpect(status().isNotFound());
    }
}
