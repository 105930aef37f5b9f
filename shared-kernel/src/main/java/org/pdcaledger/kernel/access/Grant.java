package org.pdcaledger.kernel.access;

import java.util.Locale;

/**
 * A role on a unit subtree: the grant covers {@code unitId} and every unit below it. {@link #ALL_UNITS} stands for
 * the whole tree (used for the administrator and for organisation-wide leadership).
 * <p>
 * In the identity token a grant travels as {@code ROLE@unitId}, e.g. {@code LEADER@u-7f3a} or {@code ADMIN@*}.
 */
public record Grant(Role role, String unitId) {

    public static final String ALL_UNITS = "*";

    public Grant {
        if (role == null || unitId == null || unitId.isBlank()) {
            throw new IllegalArgumentException("a grant needs a role and a unit");
        }
    }

    public static Grant parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("not a grant: " + text);
        }
        return new Grant(Role.valueOf(text.substring(0, at).toUpperCase(Locale.ROOT)), text.substring(at + 1));
    }

    public boolean coversAllUnits() {
        return ALL_UNITS.equals(unitId);
    }

    @Override
    public String toString() {
        return role.name() + "@" + unitId;
    }
}
