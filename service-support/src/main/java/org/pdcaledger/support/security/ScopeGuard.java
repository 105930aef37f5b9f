package org.pdcaledger.support.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.AccessDeniedException;

/**
 * Checks a caller's grants against a unit, server-side, for every command and every query. A grant covers its unit
 * and the whole subtree below it; an {@code ADMIN} grant stands for every role on its subtree.
 * Default deny: no matching grant, no access.
 * <p>
 * Lists and aggregates filter with {@link #visibility}: a leader of bureau A never sees a number of bureau B,
 * not even inside a total.
 */
public class ScopeGuard {

    private final UnitHierarchy hierarchy;

    public ScopeGuard(UnitHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /** Whether any of the caller's grants with one of {@code roles} covers {@code unitId}. */
    public boolean covers(Caller caller, String unitId, Role... roles) {
        Set<Role> wanted = roles.length == 0 ? EnumSet.allOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
        List<String> path = null;
        for (Grant grant : caller.grants()) {
            if (!wanted.contains(grant.role()) && grant.role() != Role.ADMIN) {
                continue;
            }
            if (grant.coversAllUnits()) {
                return true;
            }
            if (path == null) {
                path = hierarchy.pathOf(unitId);
            }
            if (path.contains(grant.unitId())) {
                return true;
            }
        }
        return false;
    }

    /** Throws {@link AccessDeniedException} unless {@link #covers} holds. */
    public void require(Caller caller, String unitId, Role... roles) {
        if (!covers(caller, unitId, roles)) {
            throw new AccessDeniedException("you have no " + describe(roles) + " grant that covers unit " + unitId);
        }
    }

    /**
     * A filter that keeps exactly the units the caller may see with one of {@code roles}; for lists and totals.
     */
    public Predicate<String> visibility(Caller caller, Role... roles) {
        return unitId -> covers(caller, unitId, roles);
    }

    private static String describe(Role... roles) {
        return roles.length == 0 ? "" : String.join(" or ", Arrays.stream(roles).map(Role::name).toList());
    }
}
