package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The inputs of an independent review (2026-12-03) of the rules made on corpus N and XF10's round, which probed the
 * extractor with its own wording, old code against new: a range beside another letter, a "don't know" after a later
 * letter, "at first glance", a decline about the letter it names, letter lists after an answer word. Written before
 * the code was changed; {@code ~} is no letter, {@code !C} anything but C.
 */
class AnswerExtractorReviewRoundTwoTest {

    private static final List<String> GASES = List.of("Oxygen", "Nitrogen", "Argon", "Helium");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Most textbooks say B, but none of A-D is correct here. | ~
            es | Muchos eligen B, pero ninguna de A a D es correcta. | ~
            en | Hmm, B? Actually none of A–D is correct. | ~
            zh | 一开始我以为是A。后来想到B？不知道。 | ~
            zh | 我一开始以为是A。B？不清楚。 | ~
            it | All'inizio pensavo fosse A. Forse B? Boh. | ~
            en | At first glance B is right. Others argue C. | !C
            de | Zunächst: B ist richtig. Manche meinen aber D. | !D
            de | Zunächst ist B richtig. Einige sagen D. | !D
            en | I won't pick B. | ~
            en | I'd rather not choose B. | ~
            sw | Sitachagua B. | ~
            en | The answer is A, C, D. | ~
            en | Answer: [A, C, D] | ~
            en | Answer: A, C, D! | ~
            en | Answer: A, C, D (all three) | ~
            en | Pick one of A–D: I choose B. | B
            en | The answer is B, nitrogen. | B
            en | At first I thought A, but it is B. | B
            en | I will not go into every detail: the answer is B. | B
            """)
    void theReviewsInputs(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, GASES, raw, "stop", expected);
    }
}
