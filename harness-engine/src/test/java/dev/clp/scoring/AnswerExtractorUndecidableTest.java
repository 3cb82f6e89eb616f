package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reply that names the options' texts one after another and then says the question cannot be decided ("das lässt
 * sich so nicht entscheiden", "it cannot be decided", "impossible de trancher") gives no letter, though it opens with
 * one option's text. Written for corpus N's German false letter (organs named without choosing) with wording of this
 * test's own. An answer stated after such a remark, and a reply that decides, still read. {@code ~} is no letter.
 */
class AnswerExtractorUndecidableTest {

    private static final List<String> ORGANS = List.of("Die Leber", "Die Niere", "Die Milz", "Die Lunge");
    private static final List<String> EN_ORGANS = List.of("The liver", "The kidney", "The spleen", "The lung");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | Die Niere reinigt das Blut, die Leber baut Gifte ab, die Milz und die Lunge haben andere Aufgaben. Welches am wichtigsten ist, lässt sich nicht entscheiden. | ~
            de | Die Leber entgiftet, die Niere filtert. Das kann man so nicht eindeutig entscheiden. | ~
            de | Die Niere filtert das Blut, die Leber entgiftet es. Das lässt sich nicht entscheiden, aber gefragt ist nach dem Filter: die Antwort ist B. | B
            de | Die Niere filtert das Blut. | B
            """)
    void undecidableInGerman(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, ORGANS, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | The kidney filters blood, the liver detoxifies it, the spleen recycles cells. Which is most important cannot be decided. | ~
            en | The liver detoxifies, the kidney filters; from the question it is impossible to decide. | ~
            fr | Le rein filtre le sang, le foie le détoxifie. Impossible de trancher avec cet énoncé. | ~
            es | El riñón filtra la sangre y el hígado la desintoxica; con la pregunta así no se puede decidir. | ~
            it | Il rene filtra il sangue, il fegato lo depura: così non si può decidere. | ~
            uk | Нирка фільтрує кров, печінка її очищує; з питання неможливо визначити. | ~
            en | The kidney filters blood. | B
            en | The kidney filters blood, the liver detoxifies it. It's hard to decide, but the answer is B. | B
            """)
    void undecidableElsewhere(String lang, String raw, String expected) {
        List<String> choices = switch (lang) {
            case "fr" -> List.of("Le foie", "Le rein", "La rate", "Le poumon");
            case "es" -> List.of("El hígado", "El riñón", "El bazo", "El pulmón");
            case "it" -> List.of("Il fegato", "Il rene", "La milza", "Il polmone");
            case "uk" -> List.of("Печінка", "Нирка", "Селезінка", "Легеня");
            default -> EN_ORGANS;
        };
        ExtractionCheck.reads(lang, choices, raw, "stop", expected);
    }
}
