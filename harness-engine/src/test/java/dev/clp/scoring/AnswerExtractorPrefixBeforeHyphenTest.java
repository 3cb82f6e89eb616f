package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Hebrew label letter written before a hyphen and a digit or a Latin word ("נוסד ב-1912", founded in 1912; "משנות
 * ה-70"; "ב-Haifa") is a prefix, not the label ב (B) or ה: an answer that names its option's text and then dates
 * gave a wrong letter. Written for corpus K's Hebrew wrong letter with cases of this test's own. Labels with their
 * own punctuation, after an answer word or alone still read. {@code ~} is no letter.
 */
class AnswerExtractorPrefixBeforeHyphenTest {

    private static final List<String> CITIES = List.of("ירושלים", "רחובות", "חיפה", "באר שבע");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | חיפה. הטכניון נוסד ב-1912, והלימודים בו החלו ב-1924. | C
            he | חיפה, ועוד משנות ה-70. | C
            he | חיפה. ב-1912 נוסד שם הטכניון. | C
            he | באר שבע; האוניברסיטה שם נוסדה ב-1969. | D
            he | ב-1948 הוכרזה המדינה; התשובה: ג. | C
            he | התשובה היא ב. | B
            he | ב) רחובות | B
            he | ג | C
            """)
    void aLabelLetterBeforeAHyphenIsAPrefix(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, "stop", expected);
    }

    /**
     * The conjunction ו glued before an option's text ("וחיים ויצמן") still names it, as the article ה does (data
     * {@code articles}): with that label gone, an answer naming two options' texts read as the only one found.
     */
    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | ראש הממשלה הראשון היה דוד בן-גוריון, וחיים ויצמן היה הנשיא הראשון. | ~
            he | חיים ויצמן. | C
            he | התשובה היא חיים ויצמן, הנשיא הראשון. | C
            """)
    void anOptionTextAfterTheConjunctionVavIsNamed(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("דוד בן-גוריון", "תאודור הרצל", "חיים ויצמן", "זאב ז'בוטינסקי"), raw, "stop",
                expected);
    }
}
