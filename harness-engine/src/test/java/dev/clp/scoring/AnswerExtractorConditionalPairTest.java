package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "If X, it is C; if Y, it is A" with neither premise settled gives no letter: each letter holds only under its own
 * condition, in the clause that opens with it, whichever of the two is stated more firmly ("якщо …, відповідь D;
 * якщо … — A", "만약 …라면 B이고, …다면 A입니다", "إذا … فالإجابة C، وإذا … فالإجابة A"). Written for corpus N's
 * conditional false letters (fr, ko, uk) with wording of this test's own. A premise then settled ("…, but here it is
 * adiabatic, so the answer is A") still reads, as does a letter after a condition that names no other letter.
 * After a clause break, "si" opens the next clause (French, Spanish "if"), not Swahili "is not" about the letter
 * before it; Swahili "C si sahihi" still rules C out. {@code ~} is no letter.
 */
class AnswerExtractorConditionalPairTest {

    private static final List<String> LAWS = List.of("Boyle", "Charles", "Gay-Lussac", "Avogadro");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            fr | Si la température est constante, c'est C ; si c'est la pression, c'est A. Rien ne permet de trancher. | ~
            es | Si la temperatura es constante, es la C; si lo es la presión, es la A. La pregunta no lo dice. | ~
            uk | Якщо температура стала, відповідь C; якщо сталий тиск — A. У питанні цього немає. | ~
            ko | 온도가 일정하다면 C이고, 압력이 일정하다면 A입니다. 문제에 조건이 없습니다. | ~
            ar | إذا كانت الحرارة ثابتة فالإجابة C، وإذا كان الضغط ثابتًا فالإجابة A. السؤال لا يحدد ذلك. | ~
            de | Wenn die Temperatur konstant ist, lautet die Antwort C; wenn der Druck konstant ist, A. | ~
            en | If the temperature is constant, the answer is C; if the pressure is, A. The question does not say. | ~
            sw | Ikiwa joto halibadiliki, jibu ni C; ikiwa shinikizo halibadiliki, ni A. Swali halisemi. | ~
            it | Se la temperatura è costante la risposta è C, se invece è costante la pressione la risposta è A. | ~
            it | La risposta è C, mentre A invece è sbagliata. | C
            en | If the temperature were constant it would be C, but here the pressure is constant, so the answer is A. | A
            fr | Si la température était constante, ce serait C ; ici c'est la pression, donc la réponse est A. | A
            ko | 온도가 일정하다면 C이지만, 여기서는 압력이 일정하므로 정답은 A입니다. | A
            uk | Якщо тиск сталий, то це закон Бойля, тобто відповідь A. | A
            ar | إذا كان الضغط ثابتًا فهذا قانون بويل، لذلك الإجابة A. | A
            es | Si el gas está a temperatura constante, se aplica la ley de Boyle: la respuesta es la A. | A
            sw | C si sahihi; jibu ni A. | A
            sw | Jibu ni A, si C. | A
            """)
    void twoLettersEachUnderItsOwnConditionGiveNoLetter(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, LAWS, raw, "stop", expected);
    }
}
