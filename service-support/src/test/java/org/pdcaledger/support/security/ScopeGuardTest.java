package org.pdcaledger.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.access.Grant;
import org.pdcaledger.kernel.access.Role;
import org.pdcaledger.kernel.common.AccessDeniedException;

class ScopeGuardTest {

    private static final Map<String, List<String>> TREE = Map.of(
            "city", List.of("city"),
            "a", List.of("city", "a"),
            "a1", List.of("city", "a", "a1"),
            "b", List.of("city", "b"));
    private final ScopeGuard guard = new ScopeGuard(unitId -> TREE.getOrDefault(unitId, List.of()));

    private static Caller caller(String... grants) {
        return new Caller("someone", "Someone", List.of(grants).stream().map(Grant::parse).toList(), false);
    }

    @Test
    void aGrant_coversItsUnitAndTheSubtree_butNotSiblingsOrParents() {
        Caller leaderOfA = caller("LEADER@a");

        assertThat(guard.covers(leaderOfA, "a", Role.LEADER)).isTrue();
        assertThat(guard.covers(leaderOfA, "a1", Role.LEADER)).isTrue();
        assertThat(guard.covers(leaderOfA, "b", Role.LEADER)).isFalse();
        assertThat(guard.covers(leaderOfA, "city", Role.LEADER)).isFalse();
        assertThat(guard.covers(leaderOfA, "unknown", Role.LEADER)).isFalse();
    }

    @Test
    void aGrant_coversOnlyItsRole_exceptAdminWhichStandsForEveryRole() {
        assertThat(guard.covers(caller("LEADER@a"), "a1", Role.IMPROVER)).isFalse();
        assertThat(guard.covers(caller("ADMIN@a"), "a1", Role.IMPROVER)).isTrue();
        assertThat(guard.covers(caller("ADMIN@a"), "b", Role.IMPROVER)).isFalse();
        assertThat(guard.covers(caller("ADMIN@*"), "b", Role.ASSESSOR)).isTrue();
    }

    @Test
    void require_deniesByDefault_withoutAnyGrant() {
        assertThatThrownBy(() -> guard.require(caller(), "a", Role.LEADER))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("LEADER");
    }

    @Test
    void visibility_filtersAListToTheCallersScope() {
        assertThat(List.of("city", "a", "a1", "b").stream().filter(guard.visibility(caller("IMPROVER@a"))).toList())
                .containsExactly("a", "a1");
    }
}
