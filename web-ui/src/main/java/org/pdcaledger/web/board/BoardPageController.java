package org.pdcaledger.web.board;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.framework.FrameworkSummary;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapBoard;
import org.pdcaledger.kernel.gap.GapCard;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.kernel.initiative.GapReference;
import org.pdcaledger.kernel.initiative.InitiativePage;
import org.pdcaledger.kernel.initiative.InitiativeStage;
import org.pdcaledger.kernel.initiative.InitiativeSummary;
import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.config.Person;
import org.pdcaledger.web.config.ServiceClient;
import org.pdcaledger.web.unit.UnitCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The gap board, the home page of a team: every open gap of the chosen unit (and its sub-units) against one
 * framework, with the initiatives working on each gap in the column of their management-chain stage
 * (规划 · 执行 · 评估 · 持续改进), or in "no initiative yet". A standardised initiative stays in 持续改进, marked done,
 * until an assessment closes the gap.
 * <p>
 * The gaps and their levels come from {@code /api/gaps}; the initiatives on them also from the initiative list
 * ({@code /api/initiatives?framework=}), matched by unit, framework and indicator, so a card is on the board (in its
 * current stage) as soon as the initiative views have it, whichever of the two read models is ahead.
 */
@Controller
class BoardPageController {

    static final String PREFERRED_FRAMEWORK = "GOV-OPS-QUALITY";
    /** A board longer than this is cut, with a note to narrow it down: nobody reads 400 rows. */
    static final int MAX_ROWS = 150;
    static final List<BoardColumn> STAGES = List.of(BoardColumn.PLANNING, BoardColumn.EXECUTION,
            BoardColumn.EVALUATION, BoardColumn.CONTINUOUS_IMPROVEMENT);

    private final ServiceClient services;
    private final UnitCatalog units;

    BoardPageController(ServiceClient services, UnitCatalog units) {
        this.services = services;
        this.units = units;
    }

    @GetMapping("/board")
    String board(@RequestParam(required = false) String unit, @RequestParam(required = false) String framework,
            @RequestParam(required = false) Boolean subtree, @RequestParam(required = false) String filtered,
            @RequestParam(defaultValue = "all") String show, Model model) {
        Person me = (Person) model.getAttribute("me");
        List<UnitCatalog.UnitNode> nodes = units.activeTree();
        List<FrameworkSummary> frameworks = services.read("/api/frameworks",
                new TypeReference<List<FrameworkSummary>>() {
                });
        model.addAttribute("nodes", nodes);
        model.addAttribute("frameworks", frameworks);
        model.addAttribute("stages", STAGES);
        if (nodes.isEmpty() || frameworks.isEmpty()) {
            model.addAttribute("rows", List.of());
            return "board/board";
        }
        Map<String, UnitSummary> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(node.unit().unitId(), node.unit()));
        String unitId = unit != null && byId.containsKey(unit) ? unit
                : me != null && me.homeUnitId() != null && byId.containsKey(me.homeUnitId()) ? me.homeUnitId()
                : nodes.get(0).unit().unitId();
        String frameworkCode = framework != null ? framework : frameworks.stream()
                .map(FrameworkSummary::code).filter(PREFERRED_FRAMEWORK::equals).findFirst()
                .orElse(frameworks.get(0).code());
        boolean withSubtree = subtree != null ? subtree : filtered == null;
        GapBoard board = services.read("/api/gaps?unit=" + unitId + "&framework=" + frameworkCode
                + "&subtree=" + withSubtree, GapBoard.class);
        InitiativePage initiatives = services.read("/api/initiatives?unit=" + unitId + "&subtree=" + withSubtree
                + "&framework=" + frameworkCode + "&limit=500", InitiativePage.class);
        List<BoardRow> all = rows(board, initiatives.items(), byId);
        List<BoardRow> rows = all.stream().filter(row -> switch (show) {
            case "worked" -> !row.nobodyWorksOnIt();
            case "unworked" -> row.nobodyWorksOnIt();
            default -> true;
        }).toList();
        model.addAttribute("show", show);
        model.addAttribute("shownCount", rows.size());
        model.addAttribute("truncated", rows.size() > MAX_ROWS);
        rows = rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
        model.addAttribute("unitId", unitId);
        model.addAttribute("unit", byId.get(unitId));
        model.addAttribute("frameworkCode", frameworkCode);
        model.addAttribute("framework", frameworks.stream().filter(f -> f.code().equals(frameworkCode)).findFirst()
                .orElse(null));
        model.addAttribute("subtree", withSubtree);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts(all));
        model.addAttribute("totalCount", all.size());
        return "board/board";
    }

    static List<BoardRow> rows(GapBoard board, List<InitiativeSummary> initiatives, Map<String, UnitSummary> units) {
        List<BoardRow> rows = new ArrayList<>();
        for (GapCard gap : board.gaps()) {
            Map<String, GapInitiative> onGap = new LinkedHashMap<>();
            gap.initiatives().values().forEach(list -> list.forEach(i -> onGap.put(i.initiativeId(), i)));
            GapReference reference = new GapReference(gap.frameworkCode(), gap.indicatorCode());
            for (InitiativeSummary initiative : initiatives) {
                if (initiative.unitId().equals(gap.unitId()) && initiative.gaps().contains(reference)) {
                    BoardColumn column = column(initiative);
                    if (column == null) {
                        onGap.remove(initiative.initiativeId());
                    } else {
                        onGap.put(initiative.initiativeId(), new GapInitiative(initiative.initiativeId(),
                                initiative.title(), column, initiative.stage() == InitiativeStage.COMPLETED));
                    }
                }
            }
            Map<BoardColumn, List<GapInitiative>> byStage = new EnumMap<>(BoardColumn.class);
            STAGES.forEach(stage -> byStage.put(stage, new ArrayList<>()));
            onGap.values().forEach(i -> byStage.computeIfAbsent(i.stage(), s -> new ArrayList<>()).add(i));
            rows.add(new BoardRow(gap, units.get(gap.unitId()), byStage));
        }
        List<String> treeOrder = new ArrayList<>(units.keySet());
        rows.sort(java.util.Comparator.comparing((BoardRow row) -> treeOrder.indexOf(row.gap().unitId()))
                .thenComparing(BoardRow::nobodyWorksOnIt)
                .thenComparing(row -> -row.gap().size()));
        return rows;
    }

    /**
     * The column of an initiative, as the gap projection places it: a standardised one stays in continuous
     * improvement, done, until an assessment closes the gap; an abandoned one leaves the board.
     */
    private static BoardColumn column(InitiativeSummary initiative) {
        return switch (initiative.stage()) {
            case PLANNING -> BoardColumn.PLANNING;
            case EXECUTION -> BoardColumn.EXECUTION;
            case EVALUATION -> BoardColumn.EVALUATION;
            case CONTINUOUS_IMPROVEMENT, COMPLETED -> BoardColumn.CONTINUOUS_IMPROVEMENT;
            case ABANDONED -> null;
        };
    }

    /** Cards per column, keyed by the column's name (templates cannot reach enum constants). */
    private static Map<String, Integer> counts(List<BoardRow> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BoardColumn column : BoardColumn.values()) {
            counts.put(column.name(), 0);
        }
        for (BoardRow row : rows) {
            if (row.nobodyWorksOnIt()) {
                counts.merge(BoardColumn.NO_INITIATIVE_YET.name(), 1, Integer::sum);
            }
            STAGES.forEach(stage -> counts.merge(stage.name(), row.in(stage).size(), Integer::sum));
        }
        return counts;
    }
}
