package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs from an independent review of the eighth and ninth rounds and the lost-answer round (written by a reviewer
 * who probed the merged extractor with inputs of their own, old against new): each gave a wrong letter, or a letter
 * out of unfinished reasoning, where the code before those rounds was right. Choices London, Paris, Rome, Berlin
 * (Italian: Londra, Parigi, Roma, Berlino). {@code ~} is no letter, {@code !A} anything but the letter A.
 */
class AnswerExtractorReviewCasesTest {

    private static final List<String> CITIES = List.of("London", "Paris", "Rome", "Berlin");
    private static final List<String> ICITIES = List.of("Londra", "Parigi", "Roma", "Berlino");
    private static final List<String> DCITIES = List.of("London", "Paris", "Rom", "Berlin");

    /**
     * A think block that never closed with a normal stop: a letter is read only from a reply after the reasoning that
     * is finished (its last paragraph ends a sentence or is a short answer line) and does not name another letter;
     * reasoning that runs on after a blank line, or stops mid-sentence, gives none.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            <think>\\nLet me look.\\n\\nThe answer is A.\\n\\nHmm, wait. Let me reconsider whether | ~
            <think>\\nLet me look at the options.\\n\\nMaybe the answer is C? No wait, Paris is the capital, so | ~
            <think>\\nStep 1: capitals.\\n\\nStep 2: A is London, not France.\\n\\nStep 3: maybe C? Rome is Italy. Let me check D | ~
            <think>\\nA is London, B is Paris.\\n\\nSo the answer is B, but let me check whether | ~
            <think>\\nA is London, B is Paris.\\nParis is the capital.\\n\\nAnswer: B | B
            <think>\\nA is London.\\n\\nParis is the capital of France.\\n\\n**Answer: B** | B
            """)
    void anUnclosedThinkBlockReadsOnlyAFinishedReply(String raw, String expected) {
        check("en", CITIES, raw.replace("\\n", "\n"), "stop", expected);
    }

    /** "would have to be" states an answer; "would have been" is the counterfactual. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            The answer is B.\\n\\nActually no, it would have to be D. | D
            The answer is A.\\n\\nWait, that's wrong. It would have to be C. | C
            It would have to be C. | C
            I would have to go with D. | D
            Had the capital been in Italy, the answer would have been C. | ~
            """)
    void wouldHaveToBeIsAnAnswer(String raw, String expected) {
        check("en", CITIES, raw.replace("\\n", "\n"), "stop", expected);
    }

    /** A letter that is a word (Italian "A", to) before a connector that joins no second letter is no label. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            A che cosa si riferisce la domanda? Alla capitale della Francia: Parigi. | !A
            Parigi. A che serve pensare a Roma, se la domanda è sulla Francia. | B
            Sia A che C sono sbagliate; la risposta è B. | B
            Sono corrette sia A che C. | ~
            """)
    void aConnectorWordJoinsLettersOnly(String raw, String expected) {
        check("it", ICITIES, raw, "stop", expected);
    }

    /**
     * An ordinal read as a letter only where it names the chosen option: not under a negation before it ("Not the
     * first option", "Nicht die erste Möglichkeit", "neither the second nor the fourth"), nor after an indefinite
     * article or a possessive ("a second option to consider", "its second letter"). From the same review.
     */
    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Not the first option. Paris it is. | !A
            en | Not the first option, not the third. Paris it is. | !A
            en | Definitely not the fourth option; Paris. | !D
            de | Nicht die erste Möglichkeit, sondern Paris. | !A
            en | There is a second option to consider: C. | C
            en | Rather than the first option, Paris. | !A
            en | Neither the second nor the fourth option fits; the answer is A. | A
            en | Not the first one. Paris. | !A
            en | The third option is correct. | C
            en | I'd go with the second option. | B
            """)
    void anOrdinalUnderANegationOrAnIndefiniteArticleIsNoAnswer(String lang, String raw, String expected) {
        check(lang, "de".equals(lang) ? DCITIES : CITIES, raw, "stop", expected);
    }

    private static void check(String lang, List<String> choices, String raw, String stop, String expected) {
        ExtractionCheck.reads(lang, choices, raw, stop, expected);
    }
}
