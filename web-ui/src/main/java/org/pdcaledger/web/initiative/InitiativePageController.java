package org.pdcaledger.web.initiative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkVersionView;
import org.pdcaledger.kernel.initiative.CheckResult;
import org.pdcaledger.kernel.initiative.HistoryEntry;
import org.pdcaledger.kernel.initiative.InitiativeDetail;
import org.pdcaledger.kernel.initiative.InitiativeHistory;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.MetricPoint;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.config.Formats;
import org.pdcaledger.web.config.Forms;
import org.pdcaledger.web.config.Htmx;
import org.pdcaledger.web.config.Person;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
import org.pdcaledger.web.unit.UnitCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Improvement initiatives: the list, the launch form (already linked to the gap it was launched from), and the
 * initiative page with its PDCA stepper, the form for the next step, the metric chart and the full history.
 * Every write sends the version the page was drawn from; when someone else wrote first, the page lists what they
 * recorded since and keeps the person's input.
 */
@Controller
class InitiativePageController {

    static final int PLAN_ROWS = 3;

    private final ServiceClient services;
    private final UnitCatalog units;
    private final MetricChart charts;

    InitiativePageController(ServiceClient services, UnitCatalog units, MetricChart charts) {
        this.services = services;
        this.units = units;
        this.charts = charts;
    }

    @GetMapping("/initiatives")
    String list(@RequestParam(required = false) String unit, @RequestParam(required = false) String stage,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean stalled,
            @RequestParam(required = false) String cursor, Model model) {
        List<UnitCatalog.UnitNode> nodes = units.tree();
        StringBuilder query = new StringBuilder("/api/initiatives?limit=50");
        if (unit != null && !unit.isBlank()) {
            query.append("&unit=").append(unit).append("&subtree=true");
        }
        if (stage != null && !stage.isBlank()) {
            query.append("&stage=").append(stage);
        }
        if (Boolean.TRUE.equals(overdue)) {
            query.append("&overdue=true");
        }
        if (Boolean.TRUE.equals(stalled)) {
            query.append("&stalled=true");
        }
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(cursor);
        }
        model.addAttribute("nodes", nodes);
        model.addAttribute("unitsById", units.byId(nodes));
        model.addAttribute("page", services.read(query.toString(), InitiativePage.class));
        model.addAttribute("unitId", unit);
        model.addAttribute("stage", stage);
        model.addAttribute("overdue", Boolean.TRUE.equals(overdue));
        model.addAttribute("stalled", Boolean.TRUE.equals(stalled));
        model.addAttribute("stages", InitiativeStage.values());
        return "initiative/index";
    }

    @GetMapping("/initiatives/new")
    String launchForm(@RequestParam(required = false) String unit, @RequestParam(required = false) String framework,
            @RequestParam(required = false) String indicator, Model model) {
        Map<String, String> form = new HashMap<>();
        form.put("unitId", unit);
        form.put("gap.frameworkCode", framework);
        form.put("gap.indicatorCode", indicator);
        Person me = (Person) model.getAttribute("me");
        form.put("owner", me == null ? "" : me.username());
        form.put("metric.direction", "LOWER_IS_BETTER");
        fillLaunch(model, form);
        return "initiative/launch";
    }

    @PostMapping("/initiatives")
    String launch(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", form.get("unitId"));
        body.put("title", trim(form.get("title")));
        body.put("problemStatement", trim(form.get("problemStatement")));
        body.put("owner", trim(form.get("owner")));
        body.put("team", Arrays.stream(form.getOrDefault("team", "").split("[,，、\\s]+"))
                .filter(name -> !name.isBlank()).toList());
        if (!isBlank(form.get("gap.frameworkCode")) && !isBlank(form.get("gap.indicatorCode"))) {
            Map<String, String> gap = new LinkedHashMap<>();
            gap.put("frameworkCode", form.get("gap.frameworkCode"));
            gap.put("indicatorCode", form.get("gap.indicatorCode"));
            body.put("gaps", List.of(gap));
        }
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("name", trim(form.get("metric.name")));
        metric.put("unitOfMeasure", trim(form.get("metric.unitOfMeasure")));
        metric.put("baseline", number(form.get("metric.baseline")));
        metric.put("target", number(form.get("metric.target")));
        metric.put("direction", trim(form.get("metric.direction")));
        body.put("metric", metric);
        ServiceAnswer answer = services.post("/api/initiatives", body, null);
        if (answer.succeeded()) {
            String id = answer.text("initiativeId");
            services.awaitProjected("/api/initiatives/" + id, 0);
            return Htmx.redirect(request, response, "/initiatives/" + id + "?done=launch");
        }
        Forms.refused(model, response, answer, form);
        fillLaunch(model, form);
        return Htmx.view(request, "initiative/launch", "launch-form");
    }

    @GetMapping("/initiatives/{initiativeId}")
    String initiative(@PathVariable String initiativeId, Model model) {
        fill(model, services.read("/api/initiatives/" + initiativeId, InitiativeDetail.class));
        return "initiative/initiative";
    }

    @PostMapping("/initiatives/{id}/plan")
    String plan(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objective", trim(form.get("objective")));
        body.put("hypothesis", trim(form.get("hypothesis")));
        body.put("successCriterion", trim(form.get("successCriterion")));
        List<Map<String, Object>> actions = new ArrayList<>();
        for (int row = 0; form.containsKey("actions[" + row + "].description"); row++) {
            String description = trim(form.get("actions[" + row + "].description"));
            String owner = trim(form.get("actions[" + row + "].owner"));
            String due = trim(form.get("actions[" + row + "].dueDate"));
            if (description == null && owner == null && due == null) {
                continue;
            }
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("description", description);
            action.put("owner", owner);
            action.put("dueDate", due);
            actions.add(action);
        }
        body.put("actions", actions);
        return write(id, "plan", body, form, "plan-form", model, request, response);
    }

    @PostMapping("/initiatives/{id}/do")
    String startExecution(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return write(id, "do", null, form, "do-form", model, request, response);
    }

    @PostMapping("/initiatives/{id}/actions")
    String addAction(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("description", trim(form.get("description")));
        body.put("owner", trim(form.get("owner")));
        body.put("dueDate", trim(form.get("dueDate")));
        return write(id, "actions", body, form, "action-form", model, request, response);
    }

    @PostMapping("/initiatives/{id}/actions/{actionId}/complete")
    String completeAction(@PathVariable String id, @PathVariable String actionId,
            @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", trim(form.get("note")));
        return write(id, "actions/" + actionId + "/complete", body, form, "actions-panel", model, request, response);
    }

    @PostMapping("/initiatives/{id}/observations")
    String observation(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return write(id, "observations", Map.of("text", form.getOrDefault("text", "")), form, "observation-form",
                model, request, response);
    }

    @PostMapping("/initiatives/{id}/measurements")
    String measurement(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", number(form.get("value")));
        body.put("measuredOn", trim(form.get("measuredOn")));
        body.put("note", trim(form.get("note")));
        return write(id, "measurements", body, form, "measurement-form", model, request, response);
    }

    @PostMapping("/initiatives/{id}/check")
    String check(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("result", trim(form.get("result")));
        body.put("overrideReason", trim(form.get("overrideReason")));
        body.put("analysis", trim(form.get("analysis")));
        return write(id, "check", body, form, "check-form", model, request, response);
    }

    @PostMapping("/initiatives/{id}/act")
    String act(@PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(name = "carriedActionIds", required = false) List<String> carried, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        String decision = trim(form.get("decision"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if ("STANDARDISE".equals(decision)) {
            body.put("standardised", trim(form.get("standardised")));
            body.put("documentReference", trim(form.get("documentReference")));
        }
        if ("ADJUST".equals(decision)) {
            body.put("carriedActionIds", carried == null ? List.of() : carried);
        }
        if ("ADJUST".equals(decision) || "ABANDON".equals(decision)) {
            body.put("reason", trim(form.get("reason")));
        }
        return write(id, "act", body, form, "act-form", model, request, response);
    }

    private String write(String id, String step, Object body, Map<String, String> form, String fragment,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        Long version = isBlank(form.get("version")) ? null : Long.valueOf(form.get("version"));
        ServiceAnswer answer = services.post("/api/initiatives/" + id + "/" + step, body, version);
        if (answer.succeeded()) {
            if (answer.version() != null) {
                services.awaitProjected("/api/initiatives/" + id, answer.version());
            }
            return Htmx.redirect(request, response, "/initiatives/" + id + "?done=" + step.replaceAll("/.*", "")
                    + "#next");
        }
        InitiativeDetail detail = services.read("/api/initiatives/" + id, InitiativeDetail.class);
        fill(model, detail);
        Forms.refused(model, response, answer, form);
        if (answer.stale()) {
            Map<String, String> kept = new HashMap<>(form);
            kept.put("version", Long.toString(detail.version()));
            model.addAttribute("form", kept);
            long seen = version == null ? -1 : version;
            List<HistoryEntry> history = ((InitiativeHistory) model.getAttribute("history")).entries();
            model.addAttribute("changedSince", history.stream().filter(entry -> entry.version() > seen).toList());
        }
        return Htmx.view(request, "initiative/initiative", fragment);
    }

    private void fill(Model model, InitiativeDetail detail) {
        model.addAttribute("i", detail);
        model.addAttribute("history", services.read("/api/initiatives/" + detail.initiativeId() + "/history",
                InitiativeHistory.class));
        model.addAttribute("unit", services.find("/api/units/" + detail.unitId(), UnitSummary.class).orElse(null));
        model.addAttribute("cycle", detail.cycles().isEmpty() ? null
                : detail.cycles().get(detail.cycles().size() - 1));
        model.addAttribute("chart", charts.option(detail));
        var cycle = detail.cycles().isEmpty() ? null : detail.cycles().get(detail.cycles().size() - 1);
        model.addAttribute("computedResult", cycle == null || cycle.measurements().isEmpty() ? null
                : CheckResult.of(detail.metric(), cycle.measurements().stream()
                        .max(java.util.Comparator.comparing(MetricPoint::measuredOn)
                                .thenComparing(MetricPoint::recordedAt))
                        .orElseThrow().value()));
        model.addAttribute("today", LocalDate.now(Formats.ZONE).toString());
        model.addAttribute("planRows", PLAN_ROWS);
        if (model.getAttribute("form") == null) {
            model.addAttribute("form", Map.of("version", Long.toString(detail.version()),
                    "measuredOn", LocalDate.now(Formats.ZONE).toString()));
        }
        List<Map<String, String>> indicators = new ArrayList<>();
        detail.gaps().forEach(gap -> {
            String name = services.find("/api/frameworks/" + gap.frameworkCode(), FrameworkVersionView.class)
                    .flatMap(view -> view.definition().indicator(gap.indicatorCode()))
                    .map(FrameworkIndicator::name)
                    .map(n -> n.in(org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage()))
                    .orElse(gap.indicatorCode());
            indicators.add(Map.of("framework", gap.frameworkCode(), "indicator", gap.indicatorCode(), "name", name));
        });
        model.addAttribute("linkedGaps", indicators);
    }

    private void fillLaunch(Model model, Map<String, String> form) {
        List<UnitCatalog.UnitNode> nodes = units.activeTree();
        model.addAttribute("nodes", nodes);
        model.addAttribute("form", form);
        String framework = form.get("gap.frameworkCode");
        String indicator = form.get("gap.indicatorCode");
        if (!isBlank(framework) && !isBlank(indicator)) {
            services.find("/api/frameworks/" + framework, FrameworkVersionView.class).ifPresent(view -> {
                model.addAttribute("gapFramework", view.definition());
                view.definition().indicator(indicator).ifPresent(i -> model.addAttribute("gapIndicator", i));
            });
        }
    }

    /**
     * A number typed in a form as a JSON number; what does not read as one goes as typed, so the service names the
     * field in its answer and the message lands next to the input.
     */
    private static Object number(String value) {
        String text = trim(value);
        if (text == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text.replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
