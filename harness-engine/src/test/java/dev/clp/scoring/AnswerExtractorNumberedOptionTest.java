package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the round made on the dev halves of corpora U, V and W (2026-12-03): an option noun and a number
 * ("Option 3", "विकल्प 4", "አማራጭ ፬") is that option unless an option is that number; the text of an option whose
 * letter was just ruled out explains why ("B肯定不对，金星没有天然卫星" gives none); "B is wrong: …" is not a heading;
 * a reply in another script reads that script's labels; an ordinal and a copula alone are the answer ("첫 번째요.").
 * {@code ~} is no letter, {@code !A} anything but A.
 */
class AnswerExtractorNumberedOptionTest {

    private static final List<String> CITIES = List.of("Paris", "Rome", "Madrid", "Berlin");
    private static final List<String> EVENS = List.of("2", "4", "6", "8");
    private static final List<String> PLANETS = List.of("Mercury", "Venus", "Earth", "Mars");
    private static final List<String> PLANETS_ZH = List.of("水星", "金星", "地球", "火星");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Option 3 is correct. | C
            en | I'd pick option #2. | B
            fr | L’option 1 est correcte. | A
            hi | विकल्प 4 सही है। | D
            bn | বিকল্প ৩ সঠিক। | C
            am | አማራጭ ፬ ትክክል ነው። | D
            zh | 选项3是正确的。 | C
            en | Option 1 is wrong, option 2 is wrong, so option 4. | D
            en | Option 12 is wrong. | ~
            en | Option 2.5 does not exist. | ~
            """)
    void numberedOptions(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            fr | L’option 1 est correcte. | A
            bn | বিকল্প ৩ সঠিক। | C
            en | Option 2 is correct. | !B
            """)
    void aNumberThatIsAlsoAnOptionsValueIsNotItsPlace(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, EVENS, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | B is wrong: Venus has no moons. | ~
            en | B is wrong. Venus has no moons. | ~
            en | Wrong: A, C. The answer is B. | B
            en | B is wrong, Venus has no moons. The answer is C, Earth. | C
            """)
    void aTextAfterItsLetterWasRuledOut(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | B肯定不对，金星没有天然卫星。 | ~
            zh | B不对，金星没有天然卫星。答案是C。 | C
            """)
    void aTextAfterItsLetterWasRuledOutInChinese(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS_ZH, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | Правильна відповідь — Б. | B
            en | Правильна відповідь — В. | C
            ko | 첫 번째요. | A
            ko | 첫 번째입니다. | A
            yo | Àkọ́kọ́ ni. | A
            ja | 三番目です。 | C
            ko | 첫 번째는 틀렸고, 두 번째가 맞습니다. | B
            """)
    void labelsOfTheReplysScriptAndOrdinalsWithACopula(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ar | النحاس | الذهب | الحديد | الفضة | بالحديد، فهو المعدن الأساسي في صناعة الفولاذ. | C
            ar | النحاس | الذهب | حديد | الفضة | يصنع الفولاذ بالحديد. | C
            he | לב | כבד | עור | ריאות | בעור – זה האיבר הגדול ביותר בגוף. | C
            he | לב | כבד | עור | ריאות | והעור הוא האיבר הגדול ביותר. | C
            he | לב | כבד | עור | ריאות | כדאי לבדוק באתר משרד הבריאות. | ~
            """)
    void procliticsBeforeAnOptionsTextInArabicAndHebrew(String lang, String a, String b, String c, String d, String raw,
            String expected) {
        ExtractionCheck.reads(lang, List.of(a, b, c, d), raw, "stop", expected);
    }

    /** A long name's last word one letter away: a spelling variant, not another word ("Dostoyevsky", "Chekov"). */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Dostoyevsky wrote Crime and Punishment. | B
            en | It was Chekov who wrote The Seagull. | C
            en | Crime and Punishment is a Russian novel. | ~
            """)
    void aSpellingVariantOfANamesLastWord(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("Leo Tolstoy", "Fyodor Dostoevsky", "Anton Chekhov", "Ivan Turgenev"), raw,
                "stop", expected);
    }
}
