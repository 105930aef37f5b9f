package org.pdcaledger.kernel.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pdcaledger.kernel.unit.UnitRegisteredEvent;
import org.pdcaledger.kernel.unit.UnitSummary;

class EventTypeNameTest {

    @Test
    void of_derivesAVersionedKebabName_fromPackageClassAndRevision() {
        assertThat(EventTypeName.of(UnitRegisteredEvent.class)).isEqualTo("pdca.unit.unit-registered.v1");
    }

    @Test
    void of_isRejected_forAClassThatIsNoEvent() {
        assertThatThrownBy(() -> EventTypeName.of(UnitSummary.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not end in 'Event'");
        assertThatThrownBy(() -> EventTypeName.of(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a shared-kernel event");
    }
}
