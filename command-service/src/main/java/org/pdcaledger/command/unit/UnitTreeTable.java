package org.pdcaledger.command.unit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.support.security.UnitHierarchy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's copy of the unit tree, in the {@code unit_tree} table of the event store's database. Its
 * processing group is subscribing, so the table changes in the same transaction as the events and a scope check or
 * a tree rule never sees a stale tree.
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

    @Override
    public List<String> pathOf(String unitId) {
        return pathString(unitId)
                .map(path -> Arrays.stream(path.split(SEPARATOR)).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean exists(String unitId) {
        return pathString(unitId).isPresent();
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
