package org.vigie.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vigie.core.Finess;

class TestNumbersTest {

    @Test
    void finessGetsTheCheckKeyOfARealNumber() {
        assertThat(TestNumbers.finess("75071218")).isEqualTo("750712184"); // AP-HP EJ (DOMAIN §5)
        assertThat(Finess.parse(TestNumbers.finess("69000001")).keyValid()).isTrue();
    }

    @Test
    void numbersNoKeyCanMakeValidAreRefused() {
        assertThatThrownBy(() -> TestNumbers.finess("0B015287")).isInstanceOf(IllegalArgumentException.class);
    }
}
