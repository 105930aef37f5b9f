package org.pdcaledger.query.maturity;

import org.pdcaledger.kernel.common.LocalizedName;

/**
 * A unit of a subtree digest, {@code depth} levels below the digest's unit.
 */
record SubtreeMember(String unitId, String code, LocalizedName name, int depth, String parentId, boolean retired) {

    SubtreeMember at(int newDepth, String newParentId) {
        return new SubtreeMember(unitId, code, name, newDepth, newParentId, retired);
    }
}
