package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A native label written glued to the answer word in a script without spaces between words ("所以答案是乙。",
 * "따라서 정답은 라입니다."): joined by a word the data gives ({@code labelJoin}: 是, 은) and closed by the sentence or a
 * copula, it is the label, though it is no word of its own. Inside a longer word (乙醇, 가장, 다음) it stays a syllable.
 * Written from dev-j's zh-native-label-05-j and ko-native-label-05-j (and dev-h's ko-native-label-91-h) before the code
 * was changed; the wording is this test's own. The question asks for the capital of France (B). {@code ~} is no letter.
 */
class AnswerExtractorGluedNativeLabelTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | ccities | "甲、罗马——意大利\\n乙、巴黎——法国\\n丙、柏林——德国\\n丁、伦敦——英国\\n\\n所以答案是乙。" | B
            zh | ccities | 答案是丙。 | C
            zh | ccities | 正确答案为丁 | D
            ko | kcities | "가. 로마 — 이탈리아\\n나. 파리 — 프랑스\\n다. 베를린 — 독일\\n라. 런던 — 영국\\n\\n따라서 정답은 나입니다." | B
            ko | kcities | 정답은 가입니다. | A
            ko | kcities | 답은 라 | D
            ko | kcities | 정답은 가장 큰 도시입니다. | ~
            ko | kcities | 정답은 다음과 같습니다. | ~
            ko | kcities | 나는 잘 모르겠다. | ~
            zh | ccities | 答案是乙醇。 | ~
            zh | ccities | 甲骨文是最早的文字。 | ~
            """)
    void aNativeLabelGluedToTheAnswerWordIsTheLabel(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
