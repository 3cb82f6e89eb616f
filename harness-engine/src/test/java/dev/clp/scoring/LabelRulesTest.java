package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three rules on labels that the Reading applies while it classifies each letter (they were a pre- and a
 * post-step beside it, {@code LabelAgreement}): one test per rule, each with the cases that must stay unread.
 */
class LabelRulesTest {

    private static final List<String> CITIES = List.of("Shanghai", "Beijing", "Tianjin", "Guangzhou");
    private static final List<String> PROTOCOLS = List.of("FTP", "SMTP", "SSH", "HTTP");

    /** A label given with another option's text says two things: no letter. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Answer: C) Beijing | ~
            The capital is C. Beijing. | ~
            **Answer: C:** Beijing | ~
            Answer: B) Beijing | B
            Answer: C) Tianjin, not Beijing | C
            """)
    void aLabelWithAnotherOptionsTextIsNoLetter(String raw, String expected) {
        check(CITIES, raw, expected, "the letter and the option text disagree");
    }

    /** Another option's text alone in parentheses after the label contradicts it ("D (366)" where 366 is C). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Jibu: D (366). | ~
            Answer: D (365) | D
            "The answer is D (365)." | D
            "Answer: C (a leap year has 366 days)" | C
            """)
    void anotherOptionsTextInParenthesesAfterTheLabelIsNoLetter(String raw, String expected) {
        check(List.of("360", "364", "366", "365"), raw, expected, "the letter and the option text disagree");
    }

    /** The same in Japanese, full-width parentheses. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            答えはD（木星）です。 | ~
            答えはA（木星）です。 | A
            """)
    void fullWidthParenthesesToo(String raw, String expected) {
        Extraction e = AnswerExtractor.extract("ja", raw, List.of("木星", "地球", "火星", "土星"));
        if ("~".equals(expected)) {
            assertThat(e).as(raw).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).as(raw).isEqualTo(new Extraction.Choice(0, ((Extraction.Choice) e).method()));
        }
    }

    /** After a full stop a sentence may go on with an option's text: that is no label. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "The answer is D. HTTP transfers web pages, FTP files." | D
            "So D. HTTP is the web's protocol." | D
            """)
    void aSentenceGoingOnAfterAFullStopIsNoLabel(String raw, String expected) {
        check(PROTOCOLS, raw, expected, null);
    }

    /** Two labels given together after the answer's label are two answers: no letter. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            "Answer: A, B" | ~
            "Answer: **A**, **C**." | ~
            答案：A、B | ~
            "Answer: A, A" | A
            """)
    void twoLabelsAfterTheAnswersLabelAreTwoAnswers(String raw, String expected) {
        check(CITIES, raw, expected, null);
    }

    /** A short reply closing on a lowercase letter after an answer word is that letter. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            the answer is b | B
            答えは c です。 | C
            impendulo ngu-b | B
            Ìdáhùn ni d | D
            the answer is not b | ~
            i think a or b | ~
            the answer is e | ~
            """)
    void aShortReplyClosingOnALowercaseLetterAfterAnAnswerWord(String raw, String expected) {
        check(CITIES, raw, expected, null);
    }

    private static void check(List<String> choices, String raw, String expected, String reason) {
        Extraction e = AnswerExtractor.extract("en", raw, choices);
        if ("~".equals(expected)) {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Unparseable.class, u -> {
                if (reason != null) {
                    assertThat(u.reason()).as(raw).contains(reason);
                }
            });
        } else {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }
}
