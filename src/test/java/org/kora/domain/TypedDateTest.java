package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedDateTest {
    @ParameterizedTest
    @ValueSource(strings = {"2027-03-01", "2027/3/1", "2027.03.01", "2027年3月1日", "2027 年 3 月 1 日", " 2027-3-1 ",
        "2027-03-01 08:30"})
    void everyUsualFormIsRead(String text) {
        assertThat(TypedDate.parse(text)).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2027-02-30", "2027-3/1", "3/1/2027", "yesterday", "20270301"})
    void anythingElseIsNoDay(String text) {
        assertThat(TypedDate.parse(text)).isNull();
    }
}
