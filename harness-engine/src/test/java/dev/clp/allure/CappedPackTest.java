package dev.clp.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The kept Allure results wait deflated: the text comes back as it went in, and a damaged one says so. */
class CappedPackTest {

    @Test
    void aPackedTextComesBackWhole() {
        String text = "{\"name\":\"sw-1: Ni mji gani…\",\"answer\":\"" + "B ".repeat(5_000) + "\u00e9\u4e2d\ud83d\ude00\"}";
        byte[] packed = Capped.pack(text);
        assertThat(packed.length).isLessThan(text.length() / 4);
        assertThat(Capped.unpack(packed)).isEqualTo(text);
        assertThat(Capped.unpack(Capped.pack(""))).isEmpty();
        assertThat(Capped.pack(null)).isNull();
        assertThat(Capped.unpack(null)).isNull();
    }

    @Test
    void aTruncatedPackIsAnErrorNotAShorterText() {
        byte[] packed = Capped.pack("a result of the pair sw-1 ".repeat(200));
        assertThatThrownBy(() -> Capped.unpack(Arrays.copyOf(packed, packed.length / 2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("packed Allure result");
    }
}
