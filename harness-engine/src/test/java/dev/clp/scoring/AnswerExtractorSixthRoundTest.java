package dev.clp.scoring;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, sixth round: the classes behind corpus H's dev false letters, one test per class, written before the
 * extractor was changed for them, in several languages and in words of my own (not the corpus lines). {@code ~}
 * means no letter: a careful grader gives none.
 */
class AnswerExtractorSixthRoundTest {

    private static final Map<String, List<String>> SETS = Map.of(
            "planets", List.of("Mars", "Jupiter", "Saturn", "Venus"),
            "years", List.of("1905", "1912", "1921", "1930"),
            "jamen", List.of("織田信長", "豊臣秀吉", "徳川家康", "明智光秀"));

    /**
     * A hedged letter and another one offered as possible ("could also be", "pourrait aussi être", "ሊሆን ይችላል"):
     * two candidates, neither stated. A hedged letter alone is still read.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Most likely B, though it might also be D. | ~
            en | planets | Probably A, but it could also be C. | ~
            fr | planets | Sans doute C, mais ce pourrait aussi être A. | ~
            es | planets | Probablemente la D, aunque también podría ser la B. | ~
            it | planets | Probabilmente B, ma potrebbe anche essere C. | ~
            de | planets | Wahrscheinlich A, aber es könnte auch D sein. | ~
            he | planets | כנראה D, אבל ייתכן שגם A. | ~
            am | planets | ምናልባት C ነው፤ ግን D ሊሆንም ይችላል። | ~
            sw | planets | Labda B, lakini inaweza pia kuwa C. | ~
            uk | planets | Ймовірно, B, але це також може бути D. | ~
            en | planets | Probably C. | C
            fr | planets | Probablement B. | B
            """)
    void aHedgedLetterWithAnotherOfferedAsPossibleIsNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** Two firm answer lines that disagree, the second's answer word with a qualifier ("la mwisho", "finale"). */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            sw | years | Jibu: A\\n\\nMwaka huo ulikuwa muhimu.\\n\\nJibu la mwisho: D | ~
            it | years | Risposta: B\\n\\nFu un anno importante.\\n\\nRisposta finale: C | ~
            en | years | Answer: C\\n\\nThat year mattered.\\n\\nAnswer (final): A | ~
            sw | years | Jibu: A\\n\\nMwaka huo ulikuwa muhimu.\\n\\nJibu la mwisho: A | A
            """)
    void twoFirmAnswerLinesWithAQualifierThatDisagreeAreNoLetter(String lang, String set, String raw,
            String expected) {
        check(lang, set, raw, expected);
    }

    /** A question back, "A or B?", with only an option's text in the remark after it: nothing is chosen. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | planets | Meinst du nach Masse oder nach Durchmesser? Nach beidem ist Jupiter sehr groß. | ~
            en | planets | Do you mean by mass or by volume? Jupiter is huge either way. | ~
            fr | planets | Vous parlez de la masse ou du volume ? Jupiter est énorme dans les deux cas. | ~
            en | planets | Do you mean by mass or by volume? Either way the answer is B. | B
            """)
    void aQuestionBackWithNoAnswerIsNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** A polite reply that declines to pick after naming an option is no letter. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ja | jamen | 伝統的には徳川家康とされますが、異説もあります。どれが正しいか断定することは控えさせていただきます。 | ~
            ja | jamen | 豊臣秀吉とする説が有力ですが、断定は控えます。 | ~
            """)
    void aPoliteDeclineToPickIsNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    private static void check(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }
}
