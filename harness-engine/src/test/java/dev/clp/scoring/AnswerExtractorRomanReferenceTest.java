package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Under a re-listing of the options in roman numerals ("i. Mars\nii. Jupiter …"), a numeral of two letters or more
 * standing alone ("So the answer is ii.", "Réponse finale : la iii") is one of its labels, not only one in brackets
 * or after a colon: a bracketed reference to another ("(which is Venus, iv)") gave a wrong letter. Written for corpus
 * D's English wrong letter with cases of this test's own. Without a roman listing, "ii" is no label. {@code ~} is no
 * letter.
 */
class AnswerExtractorRomanReferenceTest {

    private static final List<String> PLANETS = List.of("Mars", "Jupiter", "Saturn", "Venus");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | "Relabelled:\\n\\ni. Mars\\nii. Jupiter\\niii. Saturn\\niv. Venus\\n\\nThe largest is not the hottest (that is Venus, iv). So the answer is ii." | B
            fr | "Je renumérote :\\n\\ni. Mars\\nii. Jupiter\\niii. Saturn\\niv. Venus\\n\\nLa plus chaude est Vénus (iv). Donc la réponse est ii." | B
            en | "Relabelled:\\n\\ni. Mars\\nii. Jupiter\\niii. Saturn\\niv. Venus\\n\\nSo the answer is iii." | C
            en | "Relabelled:\\n\\ni. Mars\\nii. Jupiter\\niii. Saturn\\niv. Venus\\n\\nThe answer: iv" | D
            en | The answer is B (Jupiter), as in part ii of the notes. | B
            """)
    void aRomanNumeralUnderARomanListingIsItsLabel(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS, raw, "stop", expected);
    }
}
