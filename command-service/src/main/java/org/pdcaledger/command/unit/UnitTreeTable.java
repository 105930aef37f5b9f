package org.pdcaledger.command.unit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.pdcaledger.kernel.unit.UnitMovedEvent;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitRetiredEvent;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's copy of the unit tree, in the {@code unit_tree} table of the event store's database. Its
 * processing group is subscribing, so the table changes in the same transaction as the events and a scope check or
 * a tree rule never sees a stale tree.
 * <p>
 * Paths are stored as {@code /root/…/unit/}, so a subtree is every row whose path starts with the unit's path; a
 * move rewrites that prefix for the whole subtree.
 */
@Component
@ProcessingGroup(UnitTreeTable.PROCESSING_GROUP)
public class UnitTreeTable implements UnitHierarchy {

    public static final String PROCESSING_GROUP = "unit-tree";
    private static final String SEPARATOR = "/";

    private final JdbcTemplate jdbc;

    UnitTreeTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegisteredEvent event) {
        String parentPath = event.parentId() == null ? SEPARATOR : pathString(event.parentId()).orElse(SEPARATOR);
        jdbc.update("INSERT INTO unit_tree (unit_id, parent_id, code, path) VALUES (?, ?, ?, ?)",
                event.unitId(), event.parentId(), event.code(), parentPath + event.unitId() + SEPARATOR);
    }

    @EventHandler
    void on(UnitMovedEvent event) {
        String oldPath = pathString(event.unitId())
                .orElseThrow(() -> new IllegalStateException("moved unit " + event.unitId() + " is not in the tree"));
        String newPath = pathString(event.toParentId()).orElse(SEPARATOR) + event.unitId() + SEPARATOR;
        jdbc.update("UPDATE unit_tree SET parent_id = ? WHERE unit_id = ?", event.toParentId(), event.unitId());
        jdbc.query("SELECT unit_id, path FROM unit_tree WHERE LEFT(path, ?) = ?",
                (row, n) -> new String[] {row.getString(1), row.getString(2)}, oldPath.length(), oldPath)
                .forEach(row -> jdbc.update("UPDATE unit_tree SET path = ? WHERE unit_id = ?",
                        newPath + row[1].substring(oldPath.length()), row[0]));
    }

    @EventHandler
    void on(UnitRetiredEvent event) {
        jdbc.update("UPDATE unit_tree SET retired = TRUE WHERE unit_id = ?", event.unitId());
    }

    @Override
    public List<String> pathOf(String unitId) {
        return pathString(unitId)
                .map(path -> Arrays.stream(path.split(SEPARATOR)).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean exists(String unitId) {
        return pathString(unitId).isPresent();
    }

    public boolean isRetired(String unitId) {
        return jdbc.queryForList("SELECT retired FROM unit_tree WHERE unit_id = ?", Boolean.class, unitId).stream()
                .findFirst().orElse(false);
    }

    /** The children of {@code unitId} that are not retired. */
    public List<String> activeChildren(String unitId) {
        return jdbc.queryForList("SELECT unit_id FROM unit_tree WHERE parent_id = ? AND retired = FALSE ORDER BY code",
                String.class, unitId);
    }

    public Optional<String> unitWithCode(String code) {
        return jdbc.queryForList("SELECT unit_id FROM unit_tree WHERE code = ?", String.class, code).stream()
                .findFirst();
    }

    private Optional<String> pathString(String unitId) {
        return jdbc.queryForList("SELECT path FROM unit_tree WHERE unit_id = ?", String.class, unitId).stream()
                .findFirst();
    }
}
