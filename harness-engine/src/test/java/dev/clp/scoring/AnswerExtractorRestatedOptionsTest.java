package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replies that restate the options without choosing, withdraw a value, or name an option under a counterfactual
 * (corpus P's dev half had them as false letters, issue 15). {@code ~} is no letter, {@code !C} anything but C.
 */
class AnswerExtractorRestatedOptionsTest {

    private static final List<String> FIRE = List.of("Unplug it first", "Pour water on it", "Open the door",
            "Carry it outside");
    private static final List<String> PRICES = List.of("18 €", "21 €", "24 €", "27 €");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | The options are: unplug it first, pour water on it, open the door, or carry it outside. | ~
            en | You can unplug it first, pour water on it or open the door. | ~
            de | Zur Wahl stehen: unplug it first, pour water on it oder open the door. | ~
            en | The options are "pour water on it" and "open the door". | ~
            en | Unplug it first. Pouring water on it is dangerous. | A
            en | The answer is: unplug it first. Do not pour water on it. | A
            """)
    void optionsRestatedInARowChooseNone(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, FIRE, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            es | El total es 24 €... no, 7 × 3 = 20 €. | ~
            es | El total es 24 €. No, espera: 7 × 3 = 21 €. | !C
            es | El total es 24 €… no. | ~
            es | El total es 21 €, porque 7 × 3 = 21. No son 24 €. | !C
            """)
    void aValueWithdrawnIsNotTheAnswer(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PRICES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | 만약 질문이 햇빛에 관한 것이라면 C가 답이겠지만, 이 질문은 정보가 부족해서 답할 수 없습니다. | ~
            ko | 정답은 C입니다. | C
            """)
    void aKoreanCounterfactualChoosesNone(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("비타민 A", "비타민 C", "비타민 D", "비타민 K"), raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | תשובה א' | A
            he | התשובה היא ב' | B
            he | התשובה הנכונה היא ג׳ | C
            he | א' או ב' | ~
            """)
    void aHebrewLabelWithAGeresh(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("1000 מטר", "100 מטר", "10 מטר", "1 מטר"), raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | ① 태권도 — 올림픽 정식 종목.\\n② 씨름 — 전통 민속놀이.\\n③ 유도 — 일본에서 유래.\\n④ 검도 — 일본 검술에서 유래. | ~
            en | A Mars — small.\\nB Venus — hot.\\nC Jupiter — big.\\nD Saturn — rings. | ~
            en | A — the gecko is a reptile. | A
            """)
    void labelsOpeningLinesWithoutPunctuationAreAListing(String lang, String raw, String expected) {
        List<String> choices = lang.equals("ko") ? List.of("태권도", "씨름", "유도", "검도")
                : List.of("Mars", "Venus", "Jupiter", "Saturn");
        ExtractionCheck.reads(lang, choices, raw.replace("\\n", "\n"), "stop", expected);
    }
}
