package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A short answer paragraph first, the explanation after a blank line naming other options (issue 15, class 4:
 * letters named while explaining); lost as "several options stated" on corpora B, H, I, K. The answer line wins
 * unless the explanation takes it back, answers again or closes on another letter, and a listing's first item is
 * no answer line. {@code ~} is no letter, {@code !A} anything but A.
 */
class AnswerExtractorAnswerLineTest {

    private static final List<String> PRIMES = List.of("0", "2", "4", "6");
    private static final List<String> PLANETS = List.of("Mars", "Venus", "Jupiter", "Saturn");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ja | Bです。\\n\\n2は唯一の偶数の素数です。0は素数ではなく、4と6はどちらも2で割り切れるため合成数です。 | B
            en | **Answer: B**\\n\\n2 is the only even prime. 4 and 6 are composite, so they are out. | B
            en | **Answer: B**\\n\\nOn reflection, the answer is D. | !B
            en | **Answer: B**\\n\\nThe reasoning:\\n\\nFinal answer: D | !B
            en | Answer: B\\n\\nHmm, 4 could be prime too?\\n\\nD | !B
            """)
    void theAnswerLineOfPrimes(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PRIMES, raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | **C. Jupiter**\\n\\n**Explanation:** it is the largest planet. Saturn (option D) is second. | C
            sw | **Jibu: C (Jupiter)**\\n\\nKwa nini machaguo mengine si sahihi:\\n- **A. Mars** – ni ndogo.\\n- **D. Saturn** – ni ya pili. | C
            en | **A. Mars**\\n\\n**B. Venus**\\n\\n**C. Jupiter** is the largest. | !A
            en | A. Mars\\n\\nB. Venus\\n\\nC. Jupiter\\n\\nD. Saturn | ~
            en | Which one? C?\\n\\nMaybe D. | !C
            en | C or D\\n\\nBoth are gas giants. | ~
            """)
    void theAnswerLineOfPlanets(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS, raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | A — the gecko is a reptile. B (bat) and C (dolphin) are mammals, and D is a fish. | A
            en | A — the gecko is a reptile. B and C are correct as well. | !A
            en | A, B and C are reptiles. | ~
            """)
    void aLeadingLabelBeforeLettersJoinedInTheExplanation(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("Gecko", "Bat", "Dolphin", "Salmon"), raw, "stop", expected);
    }
}
