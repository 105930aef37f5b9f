package org.pdcaledger.web.framework;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.framework.FrameworkVersionView;
import org.pdcaledger.web.config.Forms;
import org.pdcaledger.web.config.Htmx;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
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
 * Maturity frameworks as data: the list, one version's tree with every level descriptor, and the import of a YAML or
 * JSON document with every problem of the document listed by its path.
 */
@Controller
class FrameworkPageController {

    private final ServiceClient services;
    private final ObjectMapper json;

    FrameworkPageController(ServiceClient services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    @GetMapping("/frameworks")
    String list(Model model) {
        model.addAttribute("frameworks", frameworks());
        model.addAttribute("form", Map.of());
        return "framework/index";
    }

    @GetMapping("/frameworks/{code}")
    String framework(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
        FrameworkVersionView view = services.read("/api/frameworks/" + code
                + (version == null ? "" : "?version=" + version), FrameworkVersionView.class);
        model.addAttribute("view", view);
        model.addAttribute("framework", view.definition());
        model.addAttribute("summary", frameworks().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElse(null));
        return "framework/framework";
    }

    @PostMapping("/frameworks/import")
    String importDocument(@RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String document, Model model, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        boolean uploaded = file != null && !file.isEmpty();
        byte[] bytes = uploaded ? file.getBytes() : (document == null ? "" : document).getBytes(StandardCharsets.UTF_8);
        String name = uploaded && file.getOriginalFilename() != null ? file.getOriginalFilename() : "";
        String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
        boolean isJson = name.endsWith(".json") || text.startsWith("{");
        ServiceAnswer answer = services.upload("/api/frameworks", isJson ? "application/json" : "application/yaml",
                bytes);
        Map<String, String> form = new HashMap<>();
        form.put("document", document);
        if (answer.succeeded()) {
            model.addAttribute("imported", json.convertValue(answer.body(), new TypeReference<Map<String, Object>>() {
            }));
            model.addAttribute("form", Map.of());
        } else {
            Forms.refused(model, response, answer, form);
            model.addAttribute("importErrors", answer.body() != null && answer.body().has("errors")
                    ? json.convertValue(answer.body().get("errors"), new TypeReference<List<Map<String, Object>>>() {
                    }) : List.of(Map.of("field", String.valueOf(answer.problem().field()),
                            "code", answer.problem().code(),
                            "message", String.valueOf(answer.problem().detail()))));
        }
        model.addAttribute("frameworks", frameworks());
        return Htmx.view(request, "framework/index", "import-form");
    }

    private List<FrameworkSummary> frameworks() {
        return services.read("/api/frameworks", new TypeReference<List<FrameworkSummary>>() {
        });
    }
}
