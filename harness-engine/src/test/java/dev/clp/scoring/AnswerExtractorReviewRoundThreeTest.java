package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Inputs of an independent review (2026-12-03, second stop) of that stop's rules, which probed them with replies of
 * its own, old extractor against new. A rule that read the option of a reply's first sentence gave wrong letters
 * where background comes first and the answer second, and was withdrawn; the answer line no longer wins over a later
 * letter called right; a row of option texts no longer takes in one on its own line or before a bracket; "not sure"
 * about something else no longer takes the answer back. Written before the code was changed; {@code ~} is no letter,
 * {@code !A} anything but A.
 */
class AnswerExtractorReviewRoundThreeTest {

    private static final List<String> CITIES = List.of("Sydney", "Canberra", "Melbourne", "Perth");
    private static final List<String> PLANETS = List.of("Mercury", "Venus", "Jupiter", "Saturn");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | The largest city in Australia is Sydney. The capital is Canberra, chosen as a compromise. | !A
            en | Many people assume the capital is Sydney. The actual capital is Canberra. | !A
            de | Die größte Stadt ist Sydney. Die Hauptstadt ist Canberra. | !A
            ko | 가장 큰 도시는 Sydney입니다. 수도는 Canberra입니다. | !A
            en | **Canberra**\\n\\nSydney, Melbourne and Perth are all larger, but Canberra was purpose-built as the capital. | B
            en | Answer: Canberra (Sydney, Melbourne and Perth are bigger cities). | B
            es | La opción correcta es Canberra (Sydney y Melbourne son más grandes). | B
            en | The options are: Sydney, Canberra, Melbourne or Perth. | ~
            """)
    void citiesNamedForBackground(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw.replace("\\n", "\n"), "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | B\\n\\nVenus is only about Earth's size. C is correct, since Jupiter is eleven times as wide as Earth. | !B
            de | B\\n\\nDie Venus ist nur etwa so groß wie die Erde. C ist richtig, denn Jupiter ist elfmal so breit. | !B
            en | The answer is B. I'm not sure why Saturn is even listed, since it is nowhere near as hot. | B
            en | Answer: B (Venus). I'm not sure how much detail you need, but its surface is about 465 °C. | B
            de | Antwort: B. Ich bin nicht sicher, ob Merkur nicht näher liegt — das tut er, aber heißer ist die Venus. | B
            en | The answer is B. Note that "hottest" could be either about surface or core temperature. | B
            ko | 정답은 B입니다. 처음 보면 A와 B 중에 고르기 어렵지만, 금성의 온실 효과가 훨씬 강합니다. | B
            en | Answer: B. I'm not sure. | ~
            en | I'd go with B, Venus. Honestly, I'm not sure, though — it could be Mercury. | ~
            """)
    void planetsAfterAnAnswerLine(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS, raw.replace("\\n", "\n"), "stop", expected);
    }
}
