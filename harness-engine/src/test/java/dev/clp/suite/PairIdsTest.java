package dev.clp.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairIdsTest {

    private final Side en = new Side("Which planet is largest?", List.of("Mars", "Jupiter"), 1);

    @Test
    void idsDependOnLanguageAndEnglishSideOnly() {
        String id = PairIds.of("sw", en);
        assertThat(id).matches("sw-[0-9a-f]{16}");
        assertThat(PairIds.of("sw", new Side("Which planet is largest?", List.of("Mars", "Jupiter"), 1))).isEqualTo(id);
        assertThat(PairIds.of("yo", en)).isNotEqualTo(id).startsWith("yo-");
        assertThat(PairIds.of("sw", new Side("Which planet is largest?", List.of("Mars", "Jupiter"), 0))).isNotEqualTo(id);
        assertThat(PairIds.of("sw", new Side("Which planet is largest?", List.of("Jupiter", "Mars"), 1))).isNotEqualTo(id);
    }

    @Test
    void choiceBoundariesAreNotAmbiguous() {
        Side a = new Side("Q", List.of("ab", "c"), 0);
        Side b = new Side("Q", List.of("a", "bc"), 0);
        assertThat(PairIds.of("sw", a)).isNotEqualTo(PairIds.of("sw", b));
    }
}
