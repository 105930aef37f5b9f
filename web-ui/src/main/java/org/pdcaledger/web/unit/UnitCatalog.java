package org.pdcaledger.web.unit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pdcaledger.kernel.unit.UnitSummary;
import org.pdcaledger.web.config.ServiceClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The units a person may see, in tree order with their depth: for the unit page and for every unit picker.
 */
@Component
public class UnitCatalog {

    private final ServiceClient services;

    UnitCatalog(ServiceClient services) {
        this.services = services;
    }

    /** One unit in tree order; {@code depth} 0 for the top units the person sees. */
    public record UnitNode(UnitSummary unit, int depth) {

        public String indentedName(String name) {
            return "\u3000".repeat(depth) + name;
        }
    }

    public List<UnitNode> tree() {
        return flatten(services.read("/api/units", new TypeReference<List<UnitSummary>>() {
        }));
    }

    /** Only the units still in use, for pickers of new work. */
    public List<UnitNode> activeTree() {
        return tree().stream().filter(node -> !node.unit().retired()).toList();
    }

    public Map<String, UnitSummary> byId(List<UnitNode> nodes) {
        Map<String, UnitSummary> byId = new HashMap<>();
        nodes.forEach(node -> byId.put(node.unit().unitId(), node.unit()));
        return byId;
    }

    static List<UnitNode> flatten(List<UnitSummary> units) {
        Set<String> visible = new HashSet<>();
        units.forEach(unit -> visible.add(unit.unitId()));
        Map<String, List<UnitSummary>> children = new HashMap<>();
        List<UnitSummary> roots = new ArrayList<>();
        for (UnitSummary unit : units) {
            if (unit.parentId() == null || !visible.contains(unit.parentId())) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(unit.parentId(), id -> new ArrayList<>()).add(unit);
            }
        }
        List<UnitNode> ordered = new ArrayList<>();
        roots.sort(Comparator.comparing(UnitSummary::code));
        roots.forEach(root -> walk(root, 0, children, ordered));
        return ordered;
    }

    private static void walk(UnitSummary unit, int depth, Map<String, List<UnitSummary>> children,
            List<UnitNode> ordered) {
        ordered.add(new UnitNode(unit, depth));
        List<UnitSummary> below = new ArrayList<>(children.getOrDefault(unit.unitId(), List.of()));
        below.sort(Comparator.comparing(UnitSummary::code));
        below.forEach(child -> walk(child, depth + 1, children, ordered));
    }
}
