package org.kora.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseReferenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"住院号 2027-0142", "ZY20270142", "门诊 12345", "床 12 第3例", "OR-17/2027", "", "  "})
    void caseNumbersPass(String text) {
        assertThat(CaseReference.looksLikeName(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"王秀英", "住院号 2027-0142 王秀英", "བཀྲ་ཤིས་ 12", "Tashi Dolma 4471", "patient",
            "张三床"})
    void namesAreCaught(String text) {
        assertThat(CaseReference.looksLikeName(text)).isTrue();
    }
}
