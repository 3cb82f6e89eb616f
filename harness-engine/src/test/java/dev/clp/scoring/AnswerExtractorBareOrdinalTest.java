package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, clear answers the extractor lost (brief XL9): an ordinal answer with no option noun ("the last one", "the
 * second one is correct", 第四个。, 3つ目が正解です, 두 번째가 맞습니다, "La troisième.") and "last" as an ordinal. Written before
 * the extractor was changed for them, in words of my own (not the corpus lines). {@code ~} means no letter.
 */
class AnswerExtractorBareOrdinalTest {

    private static final List<String> CITIES = List.of("London", "Paris", "Rome", "Berlin");

    /**
     * A bare ordinal is the answer when it is called right ("the second one is correct", 두 번째가 맞습니다), follows an
     * answer word and ends the phrase ("I'll go with the last one.", 我选第三个。), or is the whole answer
     * ("La troisième.", 第四个。, "Eyesithathu."). "Last" names the last option.
     */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | I'll go with the last one. | D
            en | The second one is correct: Paris hosted it. | B
            en | Having compared all four, it's the third one — Rome. | C
            en | The first one is wrong; the last one is correct. | D
            en | The last option. | D
            zh | 第四个。 | D
            zh | 我选最后一个。 | D
            zh | 我选第三个，罗马。 | C
            ja | 3つ目が正解です。 | C
            ja | 最後の選択肢が正解です。 | D
            ko | 두 번째가 맞습니다. | B
            ko | 마지막이 맞습니다. | D
            hi | दूसरा सही है। | B
            bn | তৃতীয়টি সঠিক। | C
            bn | প্রথমটি। | A
            de | Die letzte ist richtig. | D
            de | Die zweite Antwort ist richtig. | B
            fr | La troisième. | C
            fr | La dernière proposition. | D
            es | La primera. | A
            es | La última. | D
            es | Es la última opción. | D
            it | La quarta. | D
            uk | Останній варіант. | D
            sw | Chaguo la mwisho ndilo sahihi. | D
            yo | Ìkẹta. | C
            zu | Eyesithathu. | C
            am | ሁለተኛው። | B
            he | האפשרות האחרונה. | D
            ar | الخيار الأخير. | D
            """)
    void aBareOrdinalAnswerIsThatLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, expected);
    }

    /** An ordinal in the prose that is not an answer stays no letter; an answer stated elsewhere still wins. */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | It's the first time this question comes up; the answer is B. | B
            en | The Games came first, the exhibition second. | ~
            en | At last: C. | C
            en | The last time I checked, I was not sure. | ~
            zh | 第一次看错了，答案是 C。 | C
            de | Zum ersten Mal war es Paris, also B. | B
            sw | Jibu la mwisho: B | B
            zu | Impendulo yokugcina: C | C
            """)
    void anOrdinalThatIsNoAnswerGivesNoLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, expected);
    }

    /**
     * "B, not C" where the language's "not" is also its "no"/"wrong" after a letter (Hebrew לא, Ukrainian не): the
     * negation goes with the letter after it; the letter before stands. "B לא נכונה" (B is not correct) still rules B out.
     */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | התשובה היא B, לא C. | B
            he | C, לא A. | C
            uk | Відповідь A, не C. | A
            uk | Правильна D, не B. | D
            he | B לא נכונה, C נכונה. | C
            uk | A — не. | ~
            """)
    void aNegationBeforeTheNextLetterLeavesTheLetterBeforeIt(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, expected);
    }

    /** "La A, non la B": an article between a negation and the letter still rules the letter out. */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            it | La A, non la B. | A
            es | La D, no la A. | D
            fr | La C, pas la B. | C
            de | Die B, nicht die C. | B
            it | Non la B: la A. | A
            """)
    void aNegationBeforeAnArticleAndALetterRulesTheLetterOut(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, expected);
    }

    /** "No es Roma (C) sino Berlín: D": a bracketed letter after a negated short phrase is ruled out with it. */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            sw | Siyo London (A) — ni Paris, B. | B
            es | No es Roma (C) sino Berlín: D. | D
            it | Non è Londra (A): è Parigi, B. | B
            zu | Hhayi iLondon (A) — yiParis, B. | B
            """)
    void aNegatedPhraseRulesOutTheLetterInBracketsAfterIt(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, expected);
    }
}
