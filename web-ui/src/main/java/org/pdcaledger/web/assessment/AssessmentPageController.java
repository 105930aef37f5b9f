package org.pdcaledger.web.assessment;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pdcaledger.kernel.assessment.AssessmentComparison;
import org.pdcaledger.kernel.assessment.AssessmentStatus;
import org.pdcaledger.kernel.assessment.AssessmentSummary;
import org.pdcaledger.kernel.assessment.AssessmentView;
import org.pdcaledger.kernel.assessment.IndicatorRating;
import org.pdcaledger.kernel.framework.FrameworkDefinition;
import org.pdcaledger.kernel.framework.FrameworkIndicator;
import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.framework.FrameworkVersionView;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.config.Forms;
import org.pdcaledger.web.config.Htmx;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
import org.pdcaledger.web.unit.UnitCatalog;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.type.TypeReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Assessments: a unit's list and the start form; the assessment form (the framework's tree with every level
 * descriptor beside each choice, current and target level, evidence), submission, the reviewer's finalisation (four
 * eyes: not by whoever submitted), reopening with a reason, and the comparison with the previous assessment.
 */
@Controller
class AssessmentPageController {

    private final ServiceClient services;
    private final UnitCatalog units;
    private final MessageSource messages;

    AssessmentPageController(ServiceClient services, UnitCatalog units, MessageSource messages) {
        this.services = services;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/assessments")
    String list(@RequestParam(required = false) String unit, Model model) {
        List<UnitCatalog.UnitNode> nodes = units.tree();
        String unitId = unit != null ? unit : nodes.isEmpty() ? null : nodes.get(0).unit().unitId();
        model.addAttribute("nodes", nodes);
        model.addAttribute("unitId", unitId);
        model.addAttribute("unitsById", units.byId(nodes));
        List<FrameworkSummary> frameworks = frameworks();
        model.addAttribute("frameworks", frameworks);
        model.addAttribute("assessments", unitId == null ? List.of()
                : services.read("/api/assessments?unit=" + unitId, new TypeReference<List<AssessmentSummary>>() {
                }));
        String preferred = frameworks.stream().map(FrameworkSummary::code).filter("GOV-OPS-QUALITY"::equals)
                .findFirst().orElse(frameworks.isEmpty() ? "" : frameworks.get(0).code());
        model.addAttribute("form", Map.of("unitId", unitId == null ? "" : unitId, "period.type", "QUARTER",
                "kind", "SELF", "frameworkCode", preferred));
        return "assessment/index";
    }

    @PostMapping("/assessments")
    String start(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", form.get("unitId"));
        body.put("frameworkCode", form.get("frameworkCode"));
        body.put("period", Map.of("type", form.getOrDefault("period.type", ""),
                "value", form.getOrDefault("period.value", "").trim()));
        body.put("kind", form.getOrDefault("kind", "SELF"));
        ServiceAnswer answer = services.post("/api/assessments", body, null);
        if (answer.succeeded()) {
            String id = answer.text("assessmentId");
            services.awaitProjected("/api/assessments/" + id, 0);
            return Htmx.redirect(request, response, "/assessments/" + id);
        }
        Forms.refused(model, response, answer, form);
        List<UnitCatalog.UnitNode> nodes = units.tree();
        model.addAttribute("nodes", nodes);
        model.addAttribute("unitId", form.get("unitId"));
        model.addAttribute("frameworks", frameworks());
        return Htmx.view(request, "assessment/index", "start-form");
    }

    @GetMapping("/assessments/{assessmentId}")
    String assessment(@PathVariable String assessmentId, Model model) {
        AssessmentView view = services.read("/api/assessments/" + assessmentId, AssessmentView.class);
        fill(model, view);
        return "assessment/assessment";
    }

    /** Saves one indicator's rating and answers with that indicator re-drawn, plus the new version and progress. */
    @PostMapping("/assessments/{assessmentId}/ratings/{indicator}")
    String rate(@PathVariable String assessmentId, @PathVariable String indicator,
            @RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentLevel", integer(form.get("currentLevel")));
        body.put("targetLevel", integer(form.get("targetLevel")));
        body.put("evidence", blankToNull(form.get("evidence")));
        body.put("note", blankToNull(form.get("note")));
        Long version = version(form);
        ServiceAnswer answer = services.put("/api/assessments/" + assessmentId + "/ratings/" + indicator, body,
                version);
        AssessmentView view = services.read("/api/assessments/" + assessmentId, AssessmentView.class);
        FrameworkDefinition framework = framework(view);
        FrameworkIndicator definition = framework.indicator(indicator).orElseThrow();
        model.addAttribute("a", view);
        model.addAttribute("i", definition);
        if (answer.succeeded()) {
            int rated = (int) view.ratings().stream().filter(r -> !r.indicatorCode().equals(indicator)).count() + 1;
            model.addAttribute("saved", true);
            model.addAttribute("version", answer.version());
            model.addAttribute("ratedCount", rated);
            model.addAttribute("rating", new IndicatorRating(indicator, (Integer) body.get("currentLevel"),
                    (Integer) body.get("targetLevel"), (String) body.get("evidence"), (String) body.get("note")));
            model.addAttribute("form", form);
            return "assessment/assessment :: rating-answer";
        }
        Forms.refused(model, response, answer, form);
        model.addAttribute("ratedCount", view.ratings().size());
        model.addAttribute("version", answer.stale() ? view.version() : version);
        model.addAttribute("rating", view.ratings().stream().filter(r -> r.indicatorCode().equals(indicator))
                .findFirst().orElse(null));
        if (answer.stale()) {
            model.addAttribute("ratedCount", view.ratings().size());
            IndicatorRating theirs = view.ratings().stream().filter(r -> r.indicatorCode().equals(indicator))
                    .findFirst().orElse(null);
            Forms.stale(model, List.of(
                    new Forms.Change("currentLevel", form.get("was.currentLevel"),
                            theirs == null ? null : Integer.toString(theirs.currentLevel()), form.get("currentLevel")),
                    new Forms.Change("targetLevel", form.get("was.targetLevel"),
                            theirs == null ? null : Integer.toString(theirs.targetLevel()), form.get("targetLevel")),
                    new Forms.Change("evidence", form.get("was.evidence"),
                            theirs == null ? null : nullToEmpty(theirs.evidence()), form.get("evidence")))
                    .stream().map(change -> new Forms.Change(label(change.label()), change.before(),
                            change.theirs(), change.mine())).toList());
            return "assessment/assessment :: rating-answer";
        }
        return "assessment/assessment :: rating-answer";
    }

    @PostMapping("/assessments/{assessmentId}/submit")
    String submit(@PathVariable String assessmentId, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return transition(assessmentId, "submit", null, form, model, request, response);
    }

    @PostMapping("/assessments/{assessmentId}/finalise")
    String finalise(@PathVariable String assessmentId, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return transition(assessmentId, "finalise", null, form, model, request, response);
    }

    @PostMapping("/assessments/{assessmentId}/reopen")
    String reopen(@PathVariable String assessmentId, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        return transition(assessmentId, "reopen", Map.of("reason", form.getOrDefault("reason", "")), form, model,
                request, response);
    }

    private String transition(String assessmentId, String step, Object body, Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        ServiceAnswer answer = services.post("/api/assessments/" + assessmentId + "/" + step, body, version(form));
        if (answer.succeeded()) {
            services.awaitProjected("/api/assessments/" + assessmentId, answer.version());
            return Htmx.redirect(request, response, "/assessments/" + assessmentId + "?done=" + step);
        }
        AssessmentView view = services.read("/api/assessments/" + assessmentId, AssessmentView.class);
        fill(model, view);
        Forms.refused(model, response, answer, form);
        model.addAttribute("step", step);
        return Htmx.view(request, "assessment/assessment", "status-panel");
    }

    private void fill(Model model, AssessmentView view) {
        FrameworkDefinition framework = framework(view);
        Map<String, IndicatorRating> ratings = new HashMap<>();
        view.ratings().forEach(rating -> ratings.put(rating.indicatorCode(), rating));
        model.addAttribute("a", view);
        model.addAttribute("framework", framework);
        model.addAttribute("ratings", ratings);
        model.addAttribute("version", view.version());
        model.addAttribute("ratedCount", view.ratings().size());
        model.addAttribute("unit", services.find("/api/units/" + view.unitId(), UnitSummary.class).orElse(null));
        if (view.status() == AssessmentStatus.FINALISED || view.status() == AssessmentStatus.SUBMITTED) {
            Optional<AssessmentComparison> comparison = services.find(
                    "/api/assessments/" + view.assessmentId() + "/comparison", AssessmentComparison.class);
            model.addAttribute("comparison", comparison.orElse(null));
        }
    }

    private FrameworkDefinition framework(AssessmentView view) {
        return services.read("/api/frameworks/" + view.frameworkCode() + "?version=" + view.frameworkVersion(),
                FrameworkVersionView.class).definition();
    }

    private List<FrameworkSummary> frameworks() {
        return services.read("/api/frameworks", new TypeReference<List<FrameworkSummary>>() {
        });
    }

    private String label(String field) {
        return messages.getMessage("assessment." + field, null, LocaleContextHolder.getLocale());
    }

    /** The version from the page's shared state (kept current by htmx), else the one the form was drawn with. */
    private static Long version(Map<String, String> form) {
        String version = form.get("version");
        if (version == null || version.isBlank()) {
            version = form.get("formVersion");
        }
        return version == null || version.isBlank() ? null : Long.valueOf(version);
    }

    private static Integer integer(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
