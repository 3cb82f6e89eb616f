package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An option that ends in a sign ("C++", "C#", "O−") ends a word itself: a Korean particle glued after it ("C++가",
 * "O−입니다") is no Korean label 가 and does not hide the option's text. Found while checking the letter-named options
 * of this round in Korean ("C 언어가 …, C++가 …" read as 가, option A); cases of this test's own. The label 가 after
 * an answer word or in brackets still reads. {@code ~} is no letter.
 */
class AnswerExtractorSignEndedOptionTest {

    private static final List<String> LANGUAGES = List.of("Python", "C", "C++", "Java");
    private static final List<String> BLOOD = List.of("A+", "AB+", "O−", "B−");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | C++가 정답입니다. | C
            ko | C 언어가 먼저 나왔고, C++가 이를 확장했습니다. | ~
            ko | 정답은 가입니다. | A
            ko | (가) Python | A
            """)
    void aParticleAfterASignIsNoLabel(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, LANGUAGES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | 정답은 O−입니다. | C
            ko | O−가 만능 공혈자입니다. | C
            en | The universal donor is O−. | C
            """)
    void anOptionEndingInASignIsFoundBeforeAParticle(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, BLOOD, raw, "stop", expected);
    }
}
