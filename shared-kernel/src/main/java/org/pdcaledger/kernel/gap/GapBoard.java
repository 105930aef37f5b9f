package org.pdcaledger.kernel.gap;

import java.util.List;
import java.util.Map;

/**
 * The gap board of a unit (and its subtree, when asked) for one framework: every open gap, and per column the ids
 * of the gaps shown in it. A gap with initiatives in several stages appears in each of those columns.
 */
public record GapBoard(
        String unitId,
        String frameworkCode,
        boolean subtree,
        List<GapCard> gaps,
        Map<BoardColumn, List<String>> columns) {
}
