package org.pdcaledger.query.gap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.NotFoundException;
import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapBoard;
import org.pdcaledger.kernel.gap.GapCard;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.query.unit.UnitTree;
import org.pdcaledger.support.security.Caller;
import org.pdcaledger.support.security.CurrentCaller;
import org.pdcaledger.support.security.ScopeGuard;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gap board: the open gaps of a unit (and its subtree with {@code subtree=true}) for one framework, each with
 * the initiatives working on it by management-chain stage, and the ids of the gaps per board column.
 */
@RestController
@RequestMapping("/api/gaps")
@Validated
class GapQueryController {

    static final Role[] READERS = {Role.LEADER, Role.ASSESSOR, Role.IMPROVER, Role.ADMIN};
    static final List<BoardColumn> STAGES = List.of(BoardColumn.PLANNING, BoardColumn.EXECUTION,
            BoardColumn.EVALUATION, BoardColumn.CONTINUOUS_IMPROVEMENT);

    private final GapProjection projection;
    private final UnitTree units;
    private final ScopeGuard scopes;

    GapQueryController(GapProjection projection, UnitTree units, ScopeGuard scopes) {
        this.projection = projection;
        this.units = units;
        this.scopes = scopes;
    }

    @GetMapping
    GapBoard board(@RequestParam String unit, @RequestParam String framework,
            @RequestParam(defaultValue = "false") boolean subtree) {
        Caller caller = CurrentCaller.get();
        if (!scopes.covers(caller, unit, READERS)) {
            throw new NotFoundException("unit-not-found", "unit", "no unit " + unit);
        }
        List<String> unitIds = subtree ? units.activeSubtreeOf(unit) : List.of(unit);
        List<GapCard> cards = new ArrayList<>();
        unitIds.stream()
                .filter(scopes.visibility(caller, READERS))
                .forEach(unitId -> projection.state(unitId, framework).ifPresent(state -> cards.addAll(cards(state))));
        return new GapBoard(unit, framework, subtree, cards, columns(cards));
    }

    private static List<GapCard> cards(GapState state) {
        List<GapCard> cards = new ArrayList<>();
        for (OpenGap gap : state.open()) {
            Map<BoardColumn, List<GapInitiative>> byStage = new EnumMap<>(BoardColumn.class);
            STAGES.forEach(stage -> byStage.put(stage, new ArrayList<>()));
            state.initiatives().stream()
                    .filter(link -> link.indicatorCode().equals(gap.indicatorCode()))
                    .map(LinkedInitiative::initiative)
                    .filter(initiative -> byStage.containsKey(initiative.stage()))
                    .forEach(initiative -> byStage.get(initiative.stage()).add(initiative));
            cards.add(new GapCard(gap.gapId(), state.unitId(), state.frameworkCode(), gap.frameworkVersion(),
                    gap.dimensionCode(), gap.dimensionName(), gap.indicatorCode(), gap.indicatorName(),
                    gap.currentLevel(), gap.targetLevel(), gap.targetLevel() - gap.currentLevel(),
                    gap.openedByAssessmentId(), gap.openedInPeriod(), gap.assessmentId(), gap.period(), byStage));
        }
        return cards;
    }

    private static Map<BoardColumn, List<String>> columns(List<GapCard> cards) {
        Map<BoardColumn, List<String>> columns = new EnumMap<>(BoardColumn.class);
        for (BoardColumn column : BoardColumn.values()) {
            columns.put(column, new ArrayList<>());
        }
        for (GapCard card : cards) {
            Set<BoardColumn> in = new LinkedHashSet<>();
            card.initiatives().forEach((stage, initiatives) -> {
                if (!initiatives.isEmpty()) {
                    in.add(stage);
                }
            });
            if (in.isEmpty()) {
                in.add(BoardColumn.NO_INITIATIVE_YET);
            }
            in.forEach(column -> columns.get(column).add(card.gapId()));
        }
        return columns;
    }
}
