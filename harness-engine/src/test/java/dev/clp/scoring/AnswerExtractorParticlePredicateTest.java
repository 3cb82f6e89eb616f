package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A predicate after a particle and a space ("로마가 아닙니다", it is not Rome; "A는 틀렸습니다") is the mention's own, as
 * one written straight after it: "아닙니다" is not the "아니" of the data, so until now the particle hid it and "로마가
 * 아닙니다" read as Rome. Japanese, whose particles are written glued, already reads "ローマではありません" so. A firm
 * answer after the negation, and a predicate that calls it right, still read. {@code ~} is no letter.
 */
class AnswerExtractorParticlePredicateTest {

    private static final List<String> CITIES = ExtractionCheck.CAPITALS.get("kcities");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | 로마가 아닙니다. | ~
            ko | 수도는 로마가 아닙니다. | ~
            ko | A가 아닙니다. | ~
            ko | 로마가 틀렸습니다. | ~
            ko | 로마는 아닙니다. 파리입니다. | B
            ko | 로마가 아닙니다. 정답은 파리입니다. | B
            ko | 로마입니다. | A
            ko | 로마가 맞습니다. | A
            ko | B가 정답입니다. | B
            ko | A가 아니고 B입니다. | B
            """)
    void aPredicateAfterAParticleIsTheMentions(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CITIES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ja | ローマではありません。 | ~
            ja | ローマは違います。 | ~
            ja | パリです。 | B
            """)
    void gluedParticlesAlreadyRead(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("ローマ", "パリ", "ベルリン", "ロンドン"), raw, "stop", expected);
    }
}
