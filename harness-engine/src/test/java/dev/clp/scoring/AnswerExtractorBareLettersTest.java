package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A reply that is nothing but two or more different letters in a list ("B, D", "A、C", "B; D", "A / C") gives several
 * answers, not the first: the leading letter is the answer only when nothing but its own words follows. Written for
 * corpus K's Korean false letter ("B, D") with cases of this test's own. One letter, the same letter twice, and a
 * letter with its reason after a comma still read. {@code ~} is no letter.
 */
class AnswerExtractorBareLettersTest {

    private static final List<String> SEASONS = List.of("봄", "여름", "가을", "겨울");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | B, D | ~
            en | "A, C" | ~
            zh | A、C | ~
            ja | B，D | ~
            fr | B ; D | ~
            de | A / C | ~
            es | **B, D** | ~
            ar | B، D | ~
            en | "A, B, D." | ~
            ko | B | B
            en | B. | B
            en | "B, B" | B
            en | "B, because winter is the coldest season." | B
            """)
    void bareLettersInAListGiveNoLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, SEASONS, raw, "stop", expected);
    }
}
