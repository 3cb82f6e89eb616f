package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "The other options": an option noun under a word for "other" introduces the options that were not chosen, so the
 * option text or letter after it is not stated as the answer. Written from dev-j's ja-think-04-j (a wrong letter: "…は
 * 3.14 です（選択肢D）。ほかの選択肢は、2.71 が…" read A) before the code was changed; the other languages are this
 * test's own wording. Choices 2.71, 1.41, 1.73, 3.14. {@code ~} is no letter, {@code !A} anything but A.
 */
class AnswerExtractorOtherOptionsTest {

    private static final List<String> CONSTANTS = List.of("2.71", "1.41", "1.73", "3.14");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ja | 円周率の近似値は **3.14** です（選択肢D）。ほかの選択肢は、2.71 がネイピア数 e、1.41 が √2 です。 | D
            ja | 答えはDです。他の選択肢は、2.71 がネイピア数です。 | D
            zh | 圆周率约为 3.14（选项D）。其他选项：2.71 是自然常数 e，1.41 是 √2。 | D
            en | Pi is about 3.14, option D. The other options: 2.71 is e and 1.41 is the square root of 2. | D
            en | The answer is D. The other options are constants too: 2.71 is e. | D
            fr | Pi vaut environ 3.14 (option D). Les autres options : 2.71 est le nombre e. | D
            es | Pi es aproximadamente 3.14 (opción D). Las otras opciones: 2.71 es el número e. | D
            sw | Pi ni takriban 3.14 (chaguo D). Machaguo mengine: 2.71 ni namba e. | D
            ja | 選択肢は、2.71 です。 | A
            en | The answer is option 2.71. | A
            """)
    void theOtherOptionsAreNotTheAnswer(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, CONSTANTS, raw, "stop", expected);
    }
}
