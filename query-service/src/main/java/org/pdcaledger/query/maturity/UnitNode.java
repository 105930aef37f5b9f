package org.pdcaledger.query.maturity;

import java.util.List;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A unit as the maturity views walk the tree: its path from the root and its children, so a subtree to a given depth
 * is a few {@code _id} look-ups, never a scan.
 */
record UnitNode(
        String unitId,
        String code,
        LocalizedName name,
        String parentId,
        List<String> path,
        List<String> children,
        boolean retired) {

    UnitNode {
        path = path == null ? List.of() : List.copyOf(path);
        children = children == null ? List.of() : List.copyOf(children);
    }

    UnitNode withChildren(List<String> newChildren) {
        return new UnitNode(unitId, code, name, parentId, path, newChildren, retired);
    }

    UnitNode withPlace(String newParentId, List<String> newPath) {
        return new UnitNode(unitId, code, name, newParentId, newPath, children, retired);
    }
}
