package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer by an option's text alone, stated in the reply's first sentence, with other options named in the
 * explanation after it (issue 15, class 5; corpora D, E, H, J lost such replies as "the texts of several options").
 * The opening sentence answers only when nothing later turns against it: a contrast, a conclusion, a hedge, a walk
 * through every option, a list. {@code ~} is no letter, {@code !C} anything but C.
 */
class AnswerExtractorOpeningSentenceTest {

    private static final List<String> ROOTS = List.of("7", "8", "9", "10");
    private static final List<String> CITIES = List.of("Mombasa", "Nairobi", "Kisumu", "Nakuru");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            es | La raíz cuadrada de 81 es 9, porque 9 × 9 = 81. No hay que confundirla con la de 64, que es 8. | C
            en | The square root of 81 is 9. The square root of 64, by comparison, is 8. | C
            de | Die Quadratwurzel aus 81 ist 9. Die aus 49 wäre 7. | C
            en | The square root of 81 is 9. However, the square root of 64 is 8. | ~
            es | La bandera tiene 9 franjas. Sin embargo, solo tiene 8 colores. | ~
            en | It has 9 sides. So the answer is 8. | !C
            en | Is it 9? Perhaps 8. | !C
            en | The options are:\\n- 7\\n- 8\\n- 9\\n- 10 | ~
            en | 7 is odd. 8 is even. 9 is a square. 10 is even. | ~
            en | At first I thought 9, but 8 is right. | !C
            en | It is not 9. 8 is close. | !C
            """)
    void theOpeningSentenceOfNumbers(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, ROOTS, raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            sw | Makao makuu ya Kenya ni Nairobi, mji mkubwa zaidi nchini. Mombasa ni bandari kuu, na Kisumu iko karibu na Ziwa Victoria. | B
            en | The capital of Kenya is Nairobi. Mombasa is its main port. | B
            sw | Mji mkuu ni Nairobi. Lakini watu wengine husema Mombasa. | ~
            en | Kenya's capital is Nairobi. Actually, in colonial times it was Mombasa. | ~
            en | Mombasa? No: the capital is Nairobi. | !A
            en | Which city? Mombasa, maybe. Nairobi is larger. | ~
            """)
    void theOpeningSentenceOfNames(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, "stop", expected);
    }
}
