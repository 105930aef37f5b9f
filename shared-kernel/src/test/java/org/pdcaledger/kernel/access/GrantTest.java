package org.pdcaledger.kernel.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrantTest {

    @Test
    void parse_readsRoleAndUnit_andPrintsBackTheSameText() {
        Grant grant = Grant.parse("leader@u-7f3a");

        assertThat(grant.role()).isEqualTo(Role.LEADER);
        assertThat(grant.unitId()).isEqualTo("u-7f3a");
        assertThat(grant.coversAllUnits()).isFalse();
        assertThat(grant).hasToString("LEADER@u-7f3a");
        assertThat(Grant.parse("ADMIN@*").coversAllUnits()).isTrue();
    }

    @Test
    void parse_isRejected_forMalformedText() {
        assertThatThrownBy(() -> Grant.parse("LEADER")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.parse("@u-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.parse("LEADER@")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Grant.parse("KING@u-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
