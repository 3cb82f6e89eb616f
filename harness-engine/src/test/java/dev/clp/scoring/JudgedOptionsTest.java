package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An answer stated first, then the other options re-listed with a judgement each ("- C. 80 °C — not correct."): a
 * negated judgement rules its option out instead of calling it right (dev half of the third corpus, issue 15).
 */
class JudgedOptionsTest {

    private static final List<String> BOILING = List.of("90 °C", "100 °C", "80 °C", "120 °C");

    @Test
    void notCorrectAfterAReListedOptionRulesItOut() {
        String raw = "**The correct answer is B. 100 °C**\n\nAt 1 atm water boils at 100 °C.\n\nThe options:\n"
                + "- **A. 90 °C** — this doesn't fit.\n- **C. 80 °C** — not correct.\n- **D. 120 °C** — this is "
                + "incorrect.\n";
        assertThat(AnswerExtractor.extract("en", raw, BOILING, "stop")).isInstanceOfSatisfying(Extraction.Choice.class,
                c -> assertThat(c.index()).isEqualTo(1));
    }

    @Test
    void inFrenchNeConvientPasRulesItOut() {
        String raw = "**La bonne réponse est A : Les lymphocytes B.**\n\nLes propositions :\n- **B. Les globules rouges** "
                + "— incorrect.\n- **C. Les plaquettes** — ne convient pas.\n- **D. Les neurones** — incorrect.\n";
        assertThat(AnswerExtractor.extract("fr", raw, List.of("Les lymphocytes B", "Les globules rouges",
                "Les plaquettes", "Les neurones"), "stop")).isInstanceOfSatisfying(Extraction.Choice.class,
                        c -> assertThat(c.index()).isZero());
    }
}
