package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "B(파리)가 정답입니다.": a native label that is also a particle of the language (data: {@code particles}, Korean 가, 나)
 * written glued after a closing bracket or quote is the particle of the noun in brackets, not the label 가 (A). Written from the shape of dev-i's zh/ko contrasts ("与B（肾脏）不同，C（心脏）才是…") before the code
 * was changed; the wording is this test's own. The question asks for the capital of France (B). {@code ~} is no
 * letter.
 */
class AnswerExtractorParticleAfterBracketTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ko | kcities | B(파리)가 정답입니다. | B
            ko | kcities | A(로마)와 달리 B(파리)가 정답입니다. | B
            ko | kcities | "A(로마)는 아닙니다. B(파리)가 정답입니다." | B
            ko | kcities | 로마와 달리 B(파리)가 정답입니다. | B
            ko | kcities | 정답: (가) | A
            ko | kcities | "가) 로마\\n나) 파리\\n다) 베를린\\n라) 런던\\n\\n정답은 나" | B
            ko | kcities | A(로마)나 B(파리)가 답일 수도 있습니다. | ~
            ko | kcities | A(로마)와 B(파리) 중 하나입니다. | ~
            """)
    void aParticleGluedAfterABracketIsNoLabel(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
