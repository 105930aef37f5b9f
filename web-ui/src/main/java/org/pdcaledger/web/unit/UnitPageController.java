package org.pdcaledger.web.unit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.config.Forms;
import org.pdcaledger.web.config.Htmx;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The unit tree: list, register, rename, move, retire, and import a whole tree from CSV with every problem listed.
 */
@Controller
class UnitPageController {

    private final ServiceClient services;
    private final UnitCatalog catalog;
    private final MessageSource messages;
    private final ObjectMapper json;

    UnitPageController(ServiceClient services, UnitCatalog catalog, MessageSource messages, ObjectMapper json) {
        this.services = services;
        this.catalog = catalog;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/units")
    String list(Model model) {
        model.addAttribute("nodes", catalog.tree());
        model.addAttribute("form", Map.of());
        return "unit/index";
    }

    @PostMapping("/units")
    String register(@RequestParam Map<String, String> form, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", blankToNull(form.get("code")));
        body.put("name", Map.of("zh", form.getOrDefault("name.zh", ""), "en", form.getOrDefault("name.en", "")));
        body.put("parentId", blankToNull(form.get("parentId")));
        ServiceAnswer answer = services.post("/api/units", body, null);
        if (answer.succeeded()) {
            services.awaitProjected("/api/units/" + answer.text("unitId"), 0);
            return Htmx.redirect(request, response, "/units/" + answer.text("unitId") + "?registered");
        }
        Forms.refused(model, response, answer, form);
        model.addAttribute("nodes", catalog.tree());
        return Htmx.view(request, "unit/index", "register-form");
    }

    @GetMapping("/units/{unitId}")
    String unit(@PathVariable String unitId, Model model) {
        UnitSummary unit = services.read("/api/units/" + unitId, UnitSummary.class);
        fillUnitPage(model, unit);
        Map<String, String> form = new HashMap<>();
        form.put("name.zh", unit.name().zh());
        form.put("name.en", unit.name().en());
        form.put("newParentId", unit.parentId());
        form.put("version", Long.toString(unit.version()));
        form.put("was.name.zh", unit.name().zh());
        form.put("was.name.en", unit.name().en());
        form.put("was.parentId", unit.parentId());
        form.put("was.retired", Boolean.toString(unit.retired()));
        model.addAttribute("form", form);
        return "unit/unit";
    }

    @PostMapping("/units/{unitId}/rename")
    String rename(@PathVariable String unitId, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        ServiceAnswer answer = services.put("/api/units/" + unitId,
                Map.of("name", Map.of("zh", form.getOrDefault("name.zh", ""), "en", form.getOrDefault("name.en", ""))),
                version(form));
        return afterWrite(unitId, answer, form, "rename-form", model, request, response);
    }

    @PostMapping("/units/{unitId}/move")
    String move(@PathVariable String unitId, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        ServiceAnswer answer = services.post("/api/units/" + unitId + "/move",
                Map.of("newParentId", form.getOrDefault("newParentId", "")), version(form));
        return afterWrite(unitId, answer, form, "move-form", model, request, response);
    }

    @PostMapping("/units/{unitId}/retire")
    String retire(@PathVariable String unitId, @RequestParam Map<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        ServiceAnswer answer = services.post("/api/units/" + unitId + "/retire",
                Map.of("reason", form.getOrDefault("reason", "")), version(form));
        return afterWrite(unitId, answer, form, "retire-form", model, request, response);
    }

    @PostMapping("/units/import")
    String importTree(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String csv, Model model, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        byte[] document = file != null && !file.isEmpty() ? file.getBytes()
                : (csv == null ? "" : csv).getBytes(StandardCharsets.UTF_8);
        ServiceAnswer answer = services.upload("/api/units/import", "text/csv", document);
        Map<String, String> form = new HashMap<>();
        form.put("csv", csv);
        model.addAttribute("nodes", catalog.tree());
        if (answer.succeeded()) {
            model.addAttribute("imported", answer.body().path("registered").asInt());
            model.addAttribute("form", Map.of());
        } else {
            Forms.refused(model, response, answer, form);
            model.addAttribute("importErrors", answer.body() != null && answer.body().has("errors")
                    ? json.convertValue(answer.body().get("errors"), new TypeReference<List<Map<String, Object>>>() {
                    }) : List.of());
        }
        return Htmx.view(request, "unit/index", "import-form");
    }

    private String afterWrite(String unitId, ServiceAnswer answer, Map<String, String> form, String fragment,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        if (answer.succeeded()) {
            if (answer.version() != null) {
                services.awaitProjected("/api/units/" + unitId, answer.version());
            }
            return Htmx.redirect(request, response, "/units/" + unitId + "?saved");
        }
        Forms.refused(model, response, answer, form);
        UnitSummary current = services.read("/api/units/" + unitId, UnitSummary.class);
        fillUnitPage(model, current);
        if (answer.stale()) {
            Map<String, String> kept = new HashMap<>(form);
            kept.put("version", Long.toString(current.version()));
            model.addAttribute("form", kept);
            Map<String, UnitSummary> units = catalog.byId(catalog.tree());
            Forms.stale(model, List.of(
                    new Forms.Change(label("unit.name.zh"), form.get("was.name.zh"), current.name().zh(),
                            form.get("name.zh")),
                    new Forms.Change(label("unit.name.en"), form.get("was.name.en"), current.name().en(),
                            form.get("name.en")),
                    new Forms.Change(label("unit.parent"), unitName(units, form.get("was.parentId")),
                            unitName(units, current.parentId()), unitName(units, form.get("newParentId"))),
                    new Forms.Change(label("unit.status"), status(form.get("was.retired")),
                            status(Boolean.toString(current.retired())), null)));
        }
        return Htmx.view(request, "unit/unit", fragment);
    }

    private void fillUnitPage(Model model, UnitSummary unit) {
        List<UnitCatalog.UnitNode> nodes = catalog.tree();
        model.addAttribute("unit", unit);
        model.addAttribute("nodes", nodes);
        model.addAttribute("unitsById", catalog.byId(nodes));
    }

    private String unitName(Map<String, UnitSummary> units, String unitId) {
        if (unitId == null || unitId.isBlank()) {
            return "–";
        }
        UnitSummary unit = units.get(unitId);
        return unit == null ? unitId : unit.name().in(LocaleContextHolder.getLocale().getLanguage());
    }

    private String status(String retired) {
        return retired == null ? null : label("true".equals(retired) ? "unit.retired" : "unit.active");
    }

    private String label(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static Long version(Map<String, String> form) {
        String version = form.get("version");
        return version == null || version.isBlank() ? null : Long.valueOf(version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
