package org.pdcaledger.web.board;

import java.util.List;
import java.util.Map;

import org.pdcaledger.kernel.gap.BoardColumn;
import org.pdcaledger.kernel.gap.GapCard;
import org.pdcaledger.kernel.gap.GapInitiative;
import org.pdcaledger.kernel.unit.UnitSummary;

/**
 * One row of the gap board: an open gap and the initiatives working on it, by management-chain stage.
 *
 * @param unit the gap's unit, or {@code null} when the unit list does not have it (yet)
 */
public record BoardRow(GapCard gap, UnitSummary unit, Map<BoardColumn, List<GapInitiative>> initiatives) {

    public List<GapInitiative> in(BoardColumn column) {
        return initiatives.getOrDefault(column, List.of());
    }

    public boolean nobodyWorksOnIt() {
        return initiatives.values().stream().allMatch(List::isEmpty);
    }
}
