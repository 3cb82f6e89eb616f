package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Zulu option written with its initial vowel capitalised ("Inkomo", "Imvu") is found where a copula or another
 * prefix replaces that vowel ("yinkomo", "ngemvu", "Yimvu"), as the lower-case form ("inkomo") already was; options of
 * four letters too. Written for corpus B's Zulu wrong letter (sheep's wool read as the goat named after it) with cases
 * of this test's own. Letters and a reply that names none still read as before. {@code ~} is no letter.
 */
class AnswerExtractorCapitalVowelPrefixTest {

    private static final List<String> ANIMALS = List.of("Inkomo", "Imbuzi", "Imvu", "Ingulube");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zu | Impendulo yinkomo. | A
            zu | Yimvu. | C
            zu | Uboya benziwa ngemvu. | C
            zu | Uboya benziwa ngemvu; imbuzi yona inoboya obuhlukile. | C
            zu | Impendulo ngu-B. | B
            zu | Angazi. | ~
            """)
    void aCapitalisedVowelPrefixMayBeReplaced(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, ANIMALS, raw, "stop", expected);
    }
}
