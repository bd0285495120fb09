package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ImportValuesTest {
    @Test
    void datesInEveryAcceptedForm() {
        var day = LocalDate.of(2026, 3, 1);
        assertThat(ImportValues.date("2026-03-01")).isEqualTo(day);
        assertThat(ImportValues.date("2026/3/1")).isEqualTo(day);
        assertThat(ImportValues.date("2026.3.1")).isEqualTo(day);
        assertThat(ImportValues.date("2026年3月1日")).isEqualTo(day);
        assertThat(ImportValues.date("46082")).isEqualTo(day);
        assertThat(ImportValues.date("2026-03-01 00:00:00")).isEqualTo(day);
    }

    @Test
    void impossibleOrMixedDatesAreRefused() {
        assertThat(ImportValues.date("2026-02-30")).isNull();
        assertThat(ImportValues.date("2026-3/1")).isNull();
        assertThat(ImportValues.date("1/3/2026")).isNull();
        assertThat(ImportValues.date("20260301")).isNull();
        assertThat(ImportValues.date("0")).isNull();
    }

    @Test
    void excelSerialsBeforeItsLeapYearBugAreTheRealDays() {
        assertThat(ImportValues.date("1")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(ImportValues.date("61")).isEqualTo(LocalDate.of(1900, 3, 1));
    }

    @Test
    void longDigitStringsMayHaveBeenCutByExcel() {
        assertThat(ImportValues.excelMayHaveCut("540102199001011234")).isTrue();
        assertThat(ImportValues.excelMayHaveCut("54010219900101X")).isFalse();
        assertThat(ImportValues.excelMayHaveCut("00012")).isFalse();
    }
}
