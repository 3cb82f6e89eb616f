package dev.clp.scoring;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A contrast that calls one option right against another: "与A（罗马）不同，B（巴黎）才是正确的。" — Chinese 才 ("it is
 * B that …") before 是正确的 keeps the predicate after the letter (data: zh {@code correct}), as "Unlike A (Rome),
 * B (Paris) is correct." and its German, Spanish and Japanese forms already read. Written from dev-i's
 * zh-contrast-05-i and zh-contrast-07-i before the data was changed; the wording is this test's own. The question asks
 * for the capital of France (B). {@code ~} is no letter.
 */
class AnswerExtractorContrastRightTest {

    private static final Map<String, List<String>> CITIES = Map.of(
            "cities", ExtractionCheck.CAPITALS.get("cities"),
            "dcities", ExtractionCheck.CAPITALS.get("dcities"),
            "ccities", ExtractionCheck.CAPITALS.get("ccities"),
            "jcities", List.of("ローマ", "パリ", "ベルリン", "ロンドン"));

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | ccities | 与A（罗马）不同，B（巴黎）才是正确的。 | B
            zh | ccities | 不是A，B才是对的。 | B
            zh | ccities | 和A不一样，B才是答案。罗马是意大利的首都。 | B
            en | cities  | "Unlike A (Rome), B (Paris) is correct." | B
            de | dcities | "Anders als A (Rom) ist B (Paris) richtig." | B
            ja | jcities | A（ローマ）とは違い、B（パリ）が正解です。 | B
            zh | ccities | A和B哪个才是正确的？ | ~
            """)
    void theOptionCalledRightInAContrastIsTheAnswer(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES.get(options), raw, "stop", expected);
    }
}
