package org.pdcaledger.web.admin;

import java.util.Map;

import org.pdcaledger.kernel.projection.ProjectionOverview;
import org.pdcaledger.kernel.projection.ProjectionStatus;
import org.pdcaledger.web.config.Forms;
import org.pdcaledger.web.config.Htmx;
import org.pdcaledger.web.config.ServiceAnswer;
import org.pdcaledger.web.config.ServiceClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The read-model rebuild (query-service's {@code /api/admin/projections}): every read model against the event
 * store's head, a rebuild of one or of all, and the progress while it runs (position reached of the head, rate,
 * time left), re-read every two seconds while any model is behind.
 */
@Controller
class RebuildPageController {

    private final ServiceClient services;
    private final ObjectMapper json;

    RebuildPageController(ServiceClient services, ObjectMapper json) {
        this.services = services;
        this.json = json;
    }

    @GetMapping("/admin/rebuild")
    String page(Model model) {
        fill(model);
        model.addAttribute("tab", "rebuild");
        return "admin/rebuild";
    }

    /** The progress panel alone, for the page's polling. */
    @GetMapping("/admin/rebuild/status")
    String status(Model model) {
        fill(model);
        return "admin/rebuild :: projections";
    }

    @PostMapping("/admin/rebuild")
    String rebuildAll(Model model, HttpServletRequest request, HttpServletResponse response) {
        return started(services.sendToQueryService("POST", "/api/admin/projections/rebuild", null), model, request,
                response);
    }

    @PostMapping("/admin/rebuild/{group}")
    String rebuild(@PathVariable String group, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        return started(services.sendToQueryService("POST", "/api/admin/projections/" + group + "/rebuild", null),
                model, request, response);
    }

    private String started(ServiceAnswer answer, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!answer.succeeded()) {
            fill(model);
            Forms.refused(model, response, answer, Map.of());
            return Htmx.view(request, "admin/rebuild", "projections");
        }
        if (Htmx.isHtmx(request)) {
            fill(model);
            model.addAttribute("started", true);
            return "admin/rebuild :: projections";
        }
        return "redirect:/admin/rebuild";
    }

    private void fill(Model model) {
        ServiceAnswer answer = services.get("/api/admin/projections");
        boolean available = answer.succeeded() && answer.body() != null && answer.body().isObject();
        model.addAttribute("available", available);
        if (!available) {
            return;
        }
        ProjectionOverview overview = json.convertValue(answer.body(), ProjectionOverview.class);
        model.addAttribute("overview", overview);
        model.addAttribute("busy", overview.projections().stream().anyMatch(RebuildPageController::busy));
    }

    static boolean busy(ProjectionStatus status) {
        return "REBUILDING".equals(status.state()) || status.behind() > 0;
    }
}
