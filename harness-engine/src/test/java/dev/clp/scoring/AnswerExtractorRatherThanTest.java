package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Rather A than C" chooses A and rules C out ("Más bien A que C", "Plutôt C que D", "Eher D als B", "Piuttosto A che
 * C", "Радше A, ніж C"): the letter after the word for "than" is the one set aside (data: {@code rather} before the
 * first letter, {@code than} between them). Written for corpus K's Spanish wrong letter with wording of this test's
 * own. "Más bien" with one letter and "creo que C" (no "rather": that "que" is no "than") still read. {@code ~} is no letter.
 */
class AnswerExtractorRatherThanTest {

    private static final List<String> RIVERS = List.of("Rhein", "Donau", "Elbe", "Weser");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            es | Más bien A que C: por la longitud dentro del país. | A
            en | Rather A than C: going by the length inside the country. | A
            fr | Plutôt C que D : vu la longueur dans le pays. | C
            de | Eher D als B: nach der Länge im Land. | D
            it | Piuttosto A che C: per la lunghezza nel paese. | A
            uk | Радше A, ніж C: за довжиною в межах країни. | A
            es | Más bien A que C. | A
            de | Eher D als B. | D
            en | Rather A than C. | A
            es | Más bien la A. | A
            es | Creo que C, por la longitud. | C
            """)
    void ratherTheFirstThanTheSecond(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, RIVERS, raw, "stop", expected);
    }
}
