package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer line that lists several letters ("Answer: A, C, D", "答案：A、C、D", "الإجابة: A، C") gives several
 * answers, which a grader does not turn into one: no letter. Written from corpus N's dev half (six languages read the
 * first letter of such a line) before the code was changed; the wording here is this test's own. A single letter
 * followed by its reason after a comma still reads. {@code ~} is no letter.
 */
class AnswerExtractorLetterListTest {

    private static final List<String> RIVERS = List.of("Ganga", "Yamuna", "Kaveri", "Brahmaputra");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | The rivers that rise in the Himalaya are:\\n\\nAnswer: A, B, D | ~
            en | **Answer: A, B, D** | ~
            en | Correct options: B, D. | ~
            de | Antwort: A, B, D | ~
            zh | 发源于喜马拉雅山的河流有：\\n\\n答案：A、B、D | ~
            ja | 正解：A、B、D | ~
            ko | 정답: A, B, D | ~
            ar | الإجابة: A، B، D | ~
            hi | उत्तर: A, B, D | ~
            sw | Jibu: A, B, D | ~
            es | **Respuesta: A, B, D** | ~
            en | Answer: B, because it is the only river listed that does not rise in the Himalaya. | B
            en | Answer: C, the Kaveri. | C
            zh | 答案：C，卡韦里河。 | C
            ar | الإجابة: C، نهر كافيري. | C
            en | **Answer: C** | C
            """)
    void aListOfLettersIsNotOneAnswer(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, RIVERS, raw.replace("\\n", "\n"), "stop", expected);
    }
}
