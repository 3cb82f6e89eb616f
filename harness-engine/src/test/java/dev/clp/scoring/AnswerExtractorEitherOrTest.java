package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Either A or B" offers two options and chooses none, also where the copula stands between them (Hindi "या तो A है या
 * B"), the second letter carries a noun-class prefix (Zulu "ingu-A noma u-B", "ngu-C noma i-D"), the connector is
 * "or else" (Bengali "হয় A নয়তো B") or a repeated "要么是" after a full-width comma (Chinese "要么是A，要么是B"). Written
 * for corpus N's either/or false letters (hi, zu) with wording of this test's own. A letter with another ruled out
 * beside it still reads. {@code ~} is no letter.
 */
class AnswerExtractorEitherOrTest {

    private static final List<String> PLANETS = List.of("Jupiter", "Saturn", "Mars", "Venus");
    private static final List<String> ZU_PLANETS = List.of("uJupiter", "uSaturn", "uMars", "uVenus");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hi | उत्तर या तो A है या B; प्रश्न से तय नहीं होता। | ~
            hi | सही उत्तर या तो C है या D। | ~
            bn | উত্তর হয় A নয়তো B, প্রশ্ন থেকে বলা যায় না। | ~
            zh | 答案要么是A，要么是B，题目信息不够。 | ~
            en | The answer is either A or B; the question does not say which. | ~
            de | Die Antwort ist entweder A oder B. | ~
            ar | الإجابة إما A أو B. | ~
            hi | सही उत्तर A है, B नहीं। | A
            hi | B गलत है। सही उत्तर A है। | A
            bn | সঠিক উত্তর A, B নয়। | A
            zh | 答案是A，B是错的。 | A
            """)
    void eitherOfTwoLettersGivesNoLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zu | Kungaba ngu-C noma i-D. | ~
            zu | Impendulo ingu-A noma u-B. | ~
            zu | Impendulo ngu-A. | A
            zu | Impendulo ngu-C, hhayi u-B. | C
            """)
    void eitherOfTwoPrefixedLettersGivesNoLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, ZU_PLANETS, raw, "stop", expected);
    }
}
