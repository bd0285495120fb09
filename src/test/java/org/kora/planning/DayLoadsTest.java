package org.kora.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.kora.domain.DateRange;

class DayLoadsTest {
    private static final DateRange HORIZON = DateRange.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    private static final DateRange MARCH_TO_MAY = DateRange.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31));
    private static final DateRange APRIL_TO_JUNE = DateRange.of(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 6, 30));

    @Test
    void overlappingBlocksAddUpOnTheSharedDaysOnly() {
        var loads = new DayLoads(HORIZON);
        loads.add("SL-ANES", MARCH_TO_MAY, 1);
        loads.add("SL-ANES", APRIL_TO_JUNE, 1);
        assertThat(loads.on("SL-ANES", LocalDate.of(2027, 3, 31))).isEqualTo(1);
        assertThat(loads.on("SL-ANES", LocalDate.of(2027, 4, 1))).isEqualTo(2);
        assertThat(loads.on("SL-ANES", LocalDate.of(2027, 6, 1))).isEqualTo(1);
        assertThat(loads.max("SL-ANES", HORIZON)).isEqualTo(2);
    }

    @Test
    void removingABlockUndoesIt() {
        var loads = new DayLoads(HORIZON);
        loads.add("M01", MARCH_TO_MAY, 1);
        loads.add("M01", MARCH_TO_MAY, -1);
        assertThat(loads.max("M01", HORIZON)).isZero();
    }

    @Test
    void overListsEachRunAboveTheLimitWithItsPeak() {
        var loads = new DayLoads(HORIZON);
        loads.add("BT-ANES", MARCH_TO_MAY, 1);
        loads.add("BT-ANES", APRIL_TO_JUNE, 1);
        loads.add("BT-ANES", DateRange.of(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 10)), 1);
        assertThat(loads.over("BT-ANES", HORIZON, 1)).containsExactly(new DayLoads.Excess(
                DateRange.of(LocalDate.of(2027, 4, 1), LocalDate.of(2027, 5, 31)), 3));
        assertThat(loads.over("BT-ANES", HORIZON, 3)).isEmpty();
    }

    @Test
    void daysOutsideTheHorizonAreIgnored() {
        var loads = new DayLoads(HORIZON);
        loads.add("SL-EYE", DateRange.of(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 2)), 1);
        assertThat(loads.on("SL-EYE", LocalDate.of(2026, 12, 15))).isZero();
        assertThat(loads.on("SL-EYE", LocalDate.of(2027, 1, 2))).isEqualTo(1);
        assertThat(loads.on("SL-EYE", LocalDate.of(2027, 1, 3))).isZero();
    }

    @Test
    void unknownResourceHasNoLoad() {
        assertThat(new DayLoads(HORIZON).max("nobody", HORIZON)).isZero();
    }
}
