package org.pdcaledger.query.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

import org.pdcaledger.kernel.assessment.AssessmentPeriod;
import org.pdcaledger.kernel.assessment.PeriodType;
import org.pdcaledger.kernel.maturity.Dashboard;
import org.pdcaledger.kernel.maturity.HeatMap;
import org.pdcaledger.kernel.maturity.ImprovementEvidence;
import org.pdcaledger.kernel.maturity.InitiativeList;
import org.pdcaledger.kernel.maturity.Ranking;
import org.pdcaledger.kernel.maturity.StalledWork;
import org.pdcaledger.kernel.maturity.Trend;
import org.pdcaledger.query.maturity.MaturityViews;
import org.pdcaledger.support.security.CurrentCaller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leadership dashboard in one call, and each of its parts on its own. The ranking, the heat map and the
 * initiative list can also be read as CSV or XLSX ({@code ?format=csv|xlsx} or {@code Accept}), with Chinese column
 * names when {@code Accept-Language} prefers Chinese.
 */
@RestController
class DashboardController {

    private final MaturityViews views;

    DashboardController(MaturityViews views) {
        this.views = views;
    }

    @GetMapping("/api/dashboard")
    Dashboard dashboard(@RequestParam String unit, @RequestParam String framework,
            @RequestParam(required = false) AssessmentPeriod period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return views.dashboard(CurrentCaller.get(), unit, framework, period, asOf);
    }

    @GetMapping("/api/rankings")
    ResponseEntity<?> ranking(@RequestParam String parent, @RequestParam String framework,
            @RequestParam AssessmentPeriod period, @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        Ranking ranking = views.ranking(CurrentCaller.get(), parent, framework, period);
        return answer(ranking, format, accept, language, zh -> DashboardTables.ranking(ranking, zh),
                "ranking-" + framework + "-" + period.value());
    }

    @GetMapping("/api/heatmap")
    ResponseEntity<?> heatMap(@RequestParam String parent, @RequestParam String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        HeatMap heatMap = views.heatMap(CurrentCaller.get(), parent, framework, asOf, knownAt);
        return answer(heatMap, format, accept, language, zh -> DashboardTables.heatMap(heatMap, zh),
                "heatmap-" + framework + "-" + heatMap.asOf());
    }

    @GetMapping("/api/trends")
    Trend trend(@RequestParam String unit, @RequestParam String framework,
            @RequestParam(required = false) AssessmentPeriod from, @RequestParam(required = false) AssessmentPeriod to,
            @RequestParam(required = false) PeriodType granularity) {
        return views.trend(CurrentCaller.get(), unit, framework, from, to, granularity);
    }

    @GetMapping("/api/stalled-work")
    StalledWork stalledWork(@RequestParam String unit, @RequestParam String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) Integer stalledDays) {
        return views.stalledWork(CurrentCaller.get(), unit, framework, asOf, stalledDays);
    }

    @GetMapping("/api/improvement-evidence")
    ImprovementEvidence evidence(@RequestParam String unit, @RequestParam String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return views.evidence(CurrentCaller.get(), unit, framework, asOf);
    }

    @GetMapping("/api/dashboard/initiatives")
    ResponseEntity<?> initiatives(@RequestParam String unit, @RequestParam(required = false) String framework,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        InitiativeList list = views.initiatives(CurrentCaller.get(), unit, framework, asOf);
        return answer(list, format, accept, language, zh -> DashboardTables.initiatives(list, zh),
                "initiatives-" + list.asOf());
    }

    private static ResponseEntity<?> answer(Object json, String format, String accept, String language,
            Function<Boolean, ExportTable> table, String fileName) {
        ExportFormat chosen = ExportFormat.choose(format, accept);
        if (chosen == ExportFormat.JSON) {
            return ResponseEntity.ok(json);
        }
        return TableExport.write(table.apply(TableExport.chinese(language)), chosen, fileName);
    }
}
