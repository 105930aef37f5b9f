package org.pdcaledger.query.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.common.RuleViolationException;
import org.pdcaledger.kernel.feedback.ActFeedbackEffect;
import org.pdcaledger.kernel.feedback.FeedbackIndicator;
import org.pdcaledger.kernel.feedback.FeedbackItem;
import org.pdcaledger.kernel.feedback.FeedbackPeriod;
import org.pdcaledger.kernel.feedback.FeedbackSummary;
import org.pdcaledger.kernel.feedback.GapFeedback;
import org.pdcaledger.kernel.feedback.GapFeedbackRanking;
import org.pdcaledger.kernel.feedback.IndicatorFeedback;
import org.pdcaledger.kernel.feedback.InitiativeFeedbackEffect;
import org.pdcaledger.kernel.feedback.UnitFeedback;
import org.pdcaledger.query.unit.UnitTree;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.mongodb.client.model.Filters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * Citizen feedback for the dashboard, the gap board and the initiative page. Every answer is built from key
 * look-ups and counts only units the reader may see; a unit or initiative outside the reader's scope is 404.
 * <ul>
 * <li>{@code GET /api/feedback/{feedbackId}}: one item;</li>
 * <li>{@code GET /api/feedback/summary?unit=&framework=&from=&to=&granularity=&subtree=}: volume and satisfaction
 * in total, per month or quarter, per unit and per indicator;</li>
 * <li>{@code GET /api/feedback/gaps?unit=&framework=&from=&to=&subtree=}: per (unit, framework, indicator), most
 * complaints first;</li>
 * <li>{@code GET /api/feedback/initiatives/{initiativeId}/effect?windowDays=}: triggers, and whether complaints
 * on its indicators fell after each Act decision.</li>
 * </ul>
 * {@code from} and {@code to} are months ({@code 2026-01}; a full date means its month), both inclusive; by default
 * the twelve months up to the current one, at most 60.
 */
@RestController
@RequestMapping("/api/feedback")
@Validated
class FeedbackQueryController {

    static final Role[] READERS = {Role.LEADER, Role.ASSESSOR, Role.IMPROVER, Role.ADMIN};
    static final int MAX_MONTHS = 60;
    private static final String ID = "[A-Za-z0-9_-]{1,64}";
    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    private final FeedbackProjection projection;
    private final UnitTree units;
    private final ScopeGuard scopes;
    private final Clock clock;
    private final ZoneId zone;

    FeedbackQueryController(FeedbackProjection projection, UnitTree units, ScopeGuard scopes, Clock clock,
            @Value("${pdca.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.projection = projection;
        this.units = units;
        this.scopes = scopes;
        this.clock = clock;
        this.zone = zone;
    }

    enum Granularity { MONTH, QUARTER }

    @GetMapping("/{feedbackId}")
    FeedbackItem item(@PathVariable @Pattern(regexp = ID) String feedbackId) {
        Caller caller = CurrentCaller.get();
        return projection.items().find(feedbackId)
                .filter(item -> scopes.covers(caller, item.unitId(), READERS))
                .orElseThrow(() -> new NotFoundException("feedback-not-found", "feedbackId",
                        "no feedback item " + feedbackId));
    }

    @GetMapping("/summary")
    FeedbackSummary summary(@RequestParam @Pattern(regexp = ID) String unit,
            @RequestParam(required = false) @Pattern(regexp = CODE) String framework,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "MONTH") String granularity,
            @RequestParam(defaultValue = "true") boolean subtree) {
        Granularity grain = granularity(granularity);
        List<YearMonth> months = months(from, to);
        List<UnitMonthFeedback> documents = unitMonths(visibleUnits(unit, subtree), months);
        Tally total = Tally.EMPTY;
        Map<String, Tally> byPeriod = new LinkedHashMap<>();
        months.forEach(month -> byPeriod.put(period(month, grain), Tally.EMPTY));
        Map<String, Tally> byUnit = new LinkedHashMap<>();
        Map<FeedbackIndicator, Tally> byIndicator = new LinkedHashMap<>();
        Map<FeedbackIndicator, Map<String, Tally>> byIndicatorPeriod = new HashMap<>();
        for (UnitMonthFeedback document : documents) {
            Tally tally = document.tallyFor(framework);
            if (tally.items() == 0) {
                continue;
            }
            String period = period(YearMonth.parse(document.month()), grain);
            total = total.plus(tally);
            byPeriod.merge(period, tally, Tally::plus);
            byUnit.merge(document.unitId(), tally, Tally::plus);
            for (UnitMonthFeedback.IndicatorTally indicator : document.indicators()) {
                if (framework != null && !framework.equals(indicator.frameworkCode())) {
                    continue;
                }
                FeedbackIndicator key = new FeedbackIndicator(indicator.frameworkCode(), indicator.indicatorCode());
                byIndicator.merge(key, indicator.tally(), Tally::plus);
                byIndicatorPeriod.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .merge(period, indicator.tally(), Tally::plus);
            }
        }
        List<FeedbackPeriod> periods = byPeriod.entrySet().stream()
                .map(e -> new FeedbackPeriod(e.getKey(), e.getValue().figures())).toList();
        List<UnitFeedback> unitFigures = ranked(byUnit, Function.identity()).stream()
                .map(e -> new UnitFeedback(e.getKey(), e.getValue().figures())).toList();
        List<IndicatorFeedback> indicators = ranked(byIndicator, FeedbackIndicator::toString).stream()
                .map(e -> new IndicatorFeedback(e.getKey().frameworkCode(), e.getKey().indicatorCode(),
                        e.getValue().figures(), byPeriod.keySet().stream()
                                .map(p -> new FeedbackPeriod(p, byIndicatorPeriod.get(e.getKey())
                                        .getOrDefault(p, Tally.EMPTY).figures()))
                                .toList()))
                .toList();
        return new FeedbackSummary(unit, framework, subtree, months.get(0).toString(),
                months.get(months.size() - 1).toString(), grain.name(), total.figures(), periods, unitFigures,
                indicators);
    }

    @GetMapping("/gaps")
    GapFeedbackRanking gaps(@RequestParam @Pattern(regexp = ID) String unit,
            @RequestParam(required = false) @Pattern(regexp = CODE) String framework,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "false") boolean subtree) {
        List<YearMonth> months = months(from, to);
        Map<GapKey, Tally> byGap = new LinkedHashMap<>();
        for (UnitMonthFeedback document : unitMonths(visibleUnits(unit, subtree), months)) {
            for (UnitMonthFeedback.IndicatorTally indicator : document.indicators()) {
                if (framework == null || framework.equals(indicator.frameworkCode())) {
                    byGap.merge(new GapKey(document.unitId(), indicator.frameworkCode(), indicator.indicatorCode()),
                            indicator.tally(), Tally::plus);
                }
            }
        }
        List<GapFeedback> gaps = ranked(byGap, GapKey::toString).stream()
                .map(e -> new GapFeedback(e.getKey().unitId(), e.getKey().frameworkCode(),
                        e.getKey().indicatorCode(), e.getValue().figures()))
                .toList();
        return new GapFeedbackRanking(unit, framework, subtree, months.get(0).toString(),
                months.get(months.size() - 1).toString(), gaps);
    }

    private record GapKey(String unitId, String frameworkCode, String indicatorCode) {

        @Override
        public String toString() {
            return unitId + "|" + frameworkCode + "|" + indicatorCode;
        }
    }

    @GetMapping("/initiatives/{initiativeId}/effect")
    InitiativeFeedbackEffect effect(@PathVariable @Pattern(regexp = ID) String initiativeId,
            @RequestParam(defaultValue = "90") @Min(7) @Max(365) int windowDays) {
        Caller caller = CurrentCaller.get();
        InitiativeFeedbackState state = projection.initiatives().find(initiativeId)
                .filter(initiative -> scopes.covers(caller, initiative.unitId(), READERS))
                .orElseThrow(() -> new NotFoundException("initiative-not-found", "initiativeId",
                        "no initiative " + initiativeId));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<String> unitIds = units.activeSubtreeOf(state.unitId()).stream()
                .filter(scopes.visibility(caller, READERS)).toList();
        List<ActFeedbackEffect> acts = new ArrayList<>();
        for (InitiativeFeedbackState.Act act : state.acts()) {
            LocalDate first = act.decidedOn().minusDays(windowDays);
            LocalDate last = act.decidedOn().plusDays(windowDays);
            List<String> keys = new ArrayList<>();
            for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last));
                    month = month.plusMonths(1)) {
                for (String unitId : unitIds) {
                    for (FeedbackIndicator indicator : state.indicators()) {
                        keys.add(IndicatorMonthItems.key(unitId, indicator.frameworkCode(),
                                indicator.indicatorCode(), month.toString()));
                    }
                }
            }
            List<IndicatorMonthItems.Mark> marks = keys.isEmpty() ? List.of()
                    : projection.indicatorMonths().findAll(Filters.in("_id", keys)).stream()
                            .flatMap(document -> document.items().stream()).toList();
            acts.add(ComplaintWindows.compare(act.cycle(), act.decision(), act.decidedOn(), windowDays, today,
                    marks));
        }
        return new InitiativeFeedbackEffect(state.initiativeId(), state.unitId(), state.indicators(),
                state.triggers(), windowDays, acts, acts.isEmpty() ? null : acts.get(acts.size() - 1));
    }

    private List<String> visibleUnits(String unit, boolean subtree) {
        Caller caller = CurrentCaller.get();
        if (!scopes.covers(caller, unit, READERS)) {
            throw new NotFoundException("unit-not-found", "unit", "no unit " + unit);
        }
        List<String> unitIds = subtree ? units.activeSubtreeOf(unit) : List.of(unit);
        return unitIds.stream().filter(scopes.visibility(caller, READERS)).toList();
    }

    private List<UnitMonthFeedback> unitMonths(List<String> unitIds, List<YearMonth> months) {
        List<String> keys = new ArrayList<>();
        for (String unitId : unitIds) {
            months.forEach(month -> keys.add(UnitMonthFeedback.key(unitId, month.toString())));
        }
        return keys.isEmpty() ? List.of() : projection.unitMonths().findAll(Filters.in("_id", keys));
    }

    private List<YearMonth> months(String from, String to) {
        YearMonth last = to == null ? YearMonth.from(LocalDate.ofInstant(clock.instant(), zone)) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (first.isAfter(last)) {
            throw new RuleViolationException("range-reversed", "from", "from (" + first + ") is after to (" + last
                    + ")");
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            if (months.size() == MAX_MONTHS) {
                throw new RuleViolationException("range-too-long", "from", "a range covers at most " + MAX_MONTHS
                        + " months");
            }
            months.add(month);
        }
        return months;
    }

    private static YearMonth month(String field, String text) {
        try {
            return text.length() > 7 ? YearMonth.from(LocalDate.parse(text)) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("month-invalid", field, "'" + text + "' is not a month such as 2026-03 "
                    + "or a date such as 2026-03-31");
        }
    }

    private static Granularity granularity(String text) {
        try {
            return Granularity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("granularity-invalid", "granularity", "granularity is MONTH or QUARTER");
        }
    }

    private static String period(YearMonth month, Granularity grain) {
        return grain == Granularity.MONTH ? month.toString()
                : month.getYear() + "-Q" + ((month.getMonthValue() - 1) / 3 + 1);
    }

    /** Most complaints first, then most items, then lowest satisfaction (unscored last), then by key. */
    private static <K> List<Map.Entry<K, Tally>> ranked(Map<K, Tally> tallies, Function<K, String> name) {
        Comparator<Map.Entry<K, Tally>> order = Comparator
                .<Map.Entry<K, Tally>>comparingInt(e -> -e.getValue().complaints())
                .thenComparingInt(e -> -e.getValue().items())
                .thenComparingDouble(e -> e.getValue().scored() == 0 ? Double.MAX_VALUE
                        : e.getValue().satisfactionSum() / (double) e.getValue().scored())
                .thenComparing(e -> name.apply(e.getKey()));
        return tallies.entrySet().stream().filter(e -> e.getValue().items() > 0).sorted(order).toList();
    }
}
