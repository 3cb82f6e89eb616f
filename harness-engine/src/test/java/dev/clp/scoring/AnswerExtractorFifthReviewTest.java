package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the fifth review's round, one case each and their near misses, in this test's own wording (the review's
 * replies are in {@code AnswerExtractorReviewRoundFiveTest}; these were written with the code, so they pin the rules
 * down rather than prove them). The question asks for the capital of France (B) unless the options say otherwise;
 * {@code ~} is no letter.
 */
class AnswerExtractorFifthReviewTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cities  | Is it B?                                                  | ~
            de | dcities | Ist es B?                                                 | ~
            es | escities| ¿Es la B?                                                 | ~
            zh | ccities | 是 B 吗？                                                  | ~
            it | icities | Forse la B?                                               | B
            en | cities  | "Maybe B? Paris is the capital, I think."                 | B
            en | cities  | "Is it A? No. The answer is B."                           | B
            en | cities  | "At first I thought A, but now I'm not sure."             | ~
            zh | ccities | 一开始我以为是 A，不过现在我不太确定了。                          | ~
            en | cities  | "At first I thought A, but it is B."                      | B
            en | cities  | "Probably B, but I'm not entirely sure."                  | B
            en | cities  | "Answer: A\\n\\nHmm, wait. On second look A doesn't hold, and I can't say which of the others is right." | ~
            en | cities  | "Answer: A\\n\\nWait, A doesn't hold. The answer is B."    | B
            en | cities  | "Answer: B\\n\\nB is not in Italy, so it cannot be A."     | B
            en | cities  | Many people pick A.                                       | ~
            en | cities  | "Rome is the capital of Italy, but the capital of France is Paris." | ~
            en | cities  | "While Rome is older, Paris is the capital."              | ~
            en | cities  | "Paris is the capital, but Rome is older and larger than it." | B
            en | cities  | "Paris. Rome is in Italy, though, and Berlin in Germany."  | B
            en | cities  | "B, right?"                                               | B
            en | cities  | "Is B right?"                                             | ~
            de | dcities | "Das müsste B sein, oder?"                                | B
            ja | jcities | Bですよね？                                                 | B
            en | cities  | "Is it B? Yes."                                           | B
            zh | ccities | 是 B 吗？对。                                              | B
            en | cities  | "Answer: B. Wait, let me reconsider Rome. No, Rome is in Italy." | B
            zh | ccities | 答案是 B。等等，是罗马吗？不是，罗马在意大利。                   | B
            en | cities  | "Answer: A. Wait, is it B? Yes, B is right."              | B
            en | cities  | "The answer is A. Wait, no — it's B."                     | B
            en | cities  | "The answer is A. Actually, it's B. No other option fits." | B
            de | dcities | "Die Antwort ist A. Eigentlich ist es B. Nein, keine andere Option passt." | B
            en | cities  | "Answer: B. Wait, no."                                    | ~
            en | cities  | "Answer: B. Rome is not the capital."                     | B
            en | cities  | "B, is it not?"                                           | B
            en | cities  | "It's B, though I'd double-check."                        | B
            en | cities  | "B, isn't it?"                                            | B
            en | cities  | "B. Could it be A? No, Rome is in Italy."                 | B
            en | cities  | "B. Could it be A? Yes, A."                               | A
            en | cities  | "B. No, wait."                                            | ~
            en | cities  | "Answer: B.  Wait — no. Paris is in France, but B is wrong here." | ~
            de | dcities | "Die Antwort ist A. Eigentlich ist es B. Nein, keine andere Option passt." | B
            en | cities  | "B isn't right, is it?"                                   | ~
            en | cities  | "A. Let me double-check: B is correct."                   | B
            en | cities  | "Answer: B. Wait, let me reconsider Rome. Yes, Rome is the answer." | A
            """)
    void readsAsAGraderWould(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | "**D. 100 °C**\\n\\nCorrect — at 1 atm water boils here.\\n\\n- A: too low.\\n- B: too low.\\n- C: close." | D
            en | "A. 50 °C\\n\\nB. 75 °C\\n\\nC. 90 °C"                      | ~
            yo | "Ó tọ́ — ní 1 atm, omi máa ń hó ní 100 °C."                 | D
            fr | "À 1 atm, l'eau bout à 100 °C."                               | D
            es | "**Respuesta: D**\\n\\nPor qué las demás opciones son incorrectas:\\n- **A** (50 °C): baja.\\n- **B** (75 °C): baja." | D
            ko | 정답은 4번입니다.                                               | D
            ko | 정답은 ㄹ입니다.                                               | D
            ko | "ㄱㄴ 몰라요"                                                  | ~
            ko | 물은 1번으로 끓지 않습니다. 답: 100 °C                            | D
            ko | 4번이 정답입니다.                                               | D
            ko | 4번 보기가 맞습니다.                                            | D
            ko | 4번이요.                                                      | D
            ko | 2번 반복해서 읽었습니다.                                         | ~
            """)
    void boilingWater(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("50 °C", "75 °C", "90 °C", "100 °C"), raw, "stop", expected);
    }
}
