package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractorTest {

    private static final List<String> CHOICES = List.of("Mars", "Jupiter", "Saturn", "Venus");

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | B                                   | 1
            en | (B)                                 | 1
            en | b.                                  | 1
            en | **C**                               | 2
            en | Answer: D                           | 3
            en | The answer is B.                    | 1
            en | (B) Jupiter                         | 1
            en | B. Jupiter is the largest.          | 1
            en | Jupiter                             | 1
            en | The largest planet is Jupiter.      | 1
            en | I think the correct option is C.    | 2
            zh | 答案是B。                            | 1
            zh | Ｃ                                   | 2
            zh | 答案：Ｄ                             | 3
            ja | 正解はBです。                        | 1
            ko | 정답은 B입니다.                      | 1
            fr | La bonne réponse est C.             | 2
            es | La respuesta correcta es la A.      | 0
            de | Die richtige Antwort ist B.         | 1
            it | La risposta corretta è D.           | 3
            uk | Правильна відповідь: В              | 1
            hi | सही उत्तर C है।                      | 2
            bn | সঠিক উত্তর হলো A।                    | 0
            ar | الإجابة الصحيحة هي B.               | 1
            ar | ب                                   | 1
            he | התשובה הנכונה היא D.                | 3
            am | ትክክለኛው መልስ B ነው።                  | 1
            yo | Ìdáhùn tó tọ́ ni C.                  | 2
            sw | Jibu sahihi ni B.                   | 1
            zu | Impendulo efanele ngu-A.            | 0
            en | I am not sure; several could be argued for. | -1
            en | I cannot answer that.               | -1
            en | B or C                              | -1
            en | Either (A) or (D).                  | -1
            en | E                                   | -1
            """)
    void extractsTheChoiceOrRefusesToGuess(String lang, String raw, int expected) {
        Extraction e = AnswerExtractor.extract(lang, raw, CHOICES);
        if (expected < 0) {
            assertThat(e).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).isInstanceOfSatisfying(Extraction.Choice.class, c -> assertThat(c.index()).isEqualTo(expected));
        }
    }

    @org.junit.jupiter.api.Test
    void anEmptyAnswerIsUnparseable() {
        assertThat(AnswerExtractor.extract("en", "  ", CHOICES)).isEqualTo(new Extraction.Unparseable("empty answer"));
    }
}
