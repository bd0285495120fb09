package org.kora.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyIndexTest {
    @Test
    void keepsTheFirstValueOfEachKeyThroughGrowth() {
        var index = new KeyIndex();
        for (long key = -50_000; key < 50_000; key++) {
            assertThat(index.putIfAbsent(key * 7919, key)).isTrue();
        }
        assertThat(index.putIfAbsent(0, 99)).isFalse();
        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.get(7919 * 123L)).isEqualTo(123);
        assertThat(index.contains(0)).isTrue();
        assertThat(index.get(0)).isZero();
        assertThat(index.contains(1)).isFalse();
    }
}
