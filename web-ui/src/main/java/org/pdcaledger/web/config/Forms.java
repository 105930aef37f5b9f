package org.pdcaledger.web.config;

import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts a refused write back on the page: the service's problem, the message per field, the person's input
 * ({@code form}) so nothing typed is lost, and the status (422, 412, 409 …) so the answer says what happened.
 */
public final class Forms {

    /** Marks an answer that carries the form re-drawn with its problem, so the page swaps it in whatever the status. */
    public static final String FORM_PROBLEM_HEADER = "X-Form-Problem";

    private Forms() {
    }

    /**
     * One thing someone else changed while the person was editing: what the form was made from ({@code before}), what
     * is stored now ({@code theirs}) and what the person typed ({@code mine}, kept in the form).
     */
    public record Change(String label, String before, String theirs, String mine) {
    }

    public static void refused(Model model, HttpServletResponse response, ServiceAnswer answer,
            Map<String, String> form) {
        ServiceProblem problem = answer.problem() != null ? answer.problem()
                : new ServiceProblem(answer.status(), "http-" + answer.status(), null, null, List.of());
        response.setStatus(problem.status() >= 400 ? problem.status() : 422);
        response.setHeader(FORM_PROBLEM_HEADER, "true");
        model.addAttribute("problem", problem);
        model.addAttribute("errors", problem.stale() ? Map.of() : problem.byField());
        model.addAttribute("form", form);
    }

    public static void stale(Model model, List<Change> changes) {
        model.addAttribute("changes", changes.stream()
                .filter(change -> !java.util.Objects.equals(change.before(), change.theirs()))
                .toList());
    }
}
