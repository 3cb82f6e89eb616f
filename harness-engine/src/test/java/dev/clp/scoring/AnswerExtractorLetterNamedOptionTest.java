package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When an option is a capital letter itself (the C language among Python, C, C++, Java) or opens with one written
 * apart from the rest ("C 语言" for "C语言"), that capital used as a word of the sentence ("C came first", "C נוצרה",
 * "在 C 语言的基础上") names the option's text, not the label C: a reply that only discusses the languages chooses
 * none. Written for corpus N's false letters (he, zh) with wording of this test's own. A label with its punctuation
 * ("C.", "B)") and a letter after an answer word still read as labels. Declines to choose one in the data: zh
 * 没法只选 (cannot pick just one), ja 決められません (cannot decide), he אינני בוחר (I do not choose); a reply that
 * decided ("答えはAに決めました") still reads. {@code ~} is no letter.
 */
class AnswerExtractorLetterNamedOptionTest {

    private static final List<String> LANGUAGES = List.of("Python", "C", "C++", "Java");
    private static final List<String> ZH_LANGUAGES = List.of("C语言", "C++", "Java", "Python");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | C came first in the 1970s, C++ extended it, and Java and Python followed. | ~
            he | C קדמה לכולן, C++ הרחיבה אותה, ו-Java ו-Python באו אחריהן. | ~
            de | C entstand zuerst, C++ erweiterte es, Java und Python kamen später. | ~
            es | C apareció primero, C++ la amplió y Java y Python llegaron después. | ~
            uk | C з'явилася першою, C++ її розширила, а Java і Python прийшли пізніше. | ~
            en | The answer is C: C++ was the first of these with classes. | C
            en | B. C has no classes at all, but it came first. | B
            en | C++ was the first of these with classes. | C
            de | Die Antwort ist D. | D
            """)
    void aCapitalThatIsAnOptionNamesItsText(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, LANGUAGES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | C++ 是在 C 语言的基础上扩展出来的，Java 借鉴了 C++ 的语法。按不同定义答案不同，我没法只选一个。 | ~
            ja | C++ は C 言語を拡張したもので、Java は C++ の文法を借りています。定義次第なので一つには決められません。 | ~
            zh | 答案是 A，C 语言最早。 | A
            zh | C 语言最早。答案是 A。 | A
            ja | 迷いましたが、答えはAに決めました。 | A
            zh | 答案是B。 | B
            """)
    void aCapitalOpeningAnOptionNamesItsText(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, lang.equals("ja") ? List.of("C言語", "C++", "Java", "Python") : ZH_LANGUAGES, raw,
                "stop", expected);
    }
}
