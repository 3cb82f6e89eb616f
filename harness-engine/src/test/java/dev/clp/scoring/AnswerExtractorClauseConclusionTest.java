package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, the false letters of dev corpus J (brief XF9): two classes where a careful grader gives no letter and the
 * extractor gave one, written before the extractor was changed for them, in several languages and in words of my own
 * (not the corpus lines). {@code ~} means no letter.
 */
class AnswerExtractorClauseConclusionTest {

    /**
     * A firm answer line ("Answer: A"), then reasoning whose sentence ends in a clause that concludes with another
     * letter ("…, so the correct answer is B.", "…; por lo tanto, la respuesta correcta es la B.", "…, daher ist B
     * richtig.", "…፤ ስለዚህ … B ነው።"), nothing withdrawing the first: the reply contradicts itself. The conclusion
     * clause counts as a stated answer as a sentence of its own does. A correction word before it, or the same letter
     * twice, still gives the letter.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cities | Answer: A\\n\\nRome is the capital of Italy, not of France, so the correct answer is B. | ~
            es | cities | Respuesta: C\\n\\nParís es la capital de Francia desde hace siglos; por lo tanto, la respuesta correcta es la B. | ~
            it | icities | Risposta: A\\n\\nParigi è la capitale della Francia dal Medioevo, quindi la risposta giusta è B. | ~
            de | dcities | Antwort: C\\n\\nParis ist seit Jahrhunderten die Hauptstadt Frankreichs, deshalb ist B richtig. | ~
            fr | cities | Réponse : A\\n\\nParis est la capitale de la France depuis longtemps, donc la bonne réponse est B. | ~
            uk | ucities | Відповідь: В\\n\\nСтолиця Франції — Париж, з давніх часів, тому правильна відповідь Б. | ~
            am | mcities | መልስ፦ D\\n\\nፓሪስ የፈረንሳይ ዋና ከተማ ናት፤ ስለዚህ ትክክለኛው መልስ B ነው። | ~
            en | cities | Answer: A\\n\\nWait, that is wrong: Paris is the capital of France, so the correct answer is B. | B
            es | cities | Respuesta: B\\n\\nParís es la capital de Francia; por lo tanto, la respuesta correcta es la B. | B
            de | dcities | Antwort: A\\n\\nNein, falsch gelesen: Paris ist die Hauptstadt Frankreichs, daher ist B richtig. | B
            it | icities | Parigi è la capitale della Francia dal Medioevo, quindi la risposta giusta è B. | B
            """)
    void aFirmAnswerThenADifferentConcludingClauseGivesNoLetter(String lang, String set, String raw,
            String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * A letter named only under a counterfactual about the question itself ("if the question were about X, the
     * answer would be D", "如果题目问的是…，答案就是 D", "לו השאלה הייתה…", "si la question portait sur …, ce serait
     * la C") is not chosen. The markers are data per language; a question described as it is ("题目问的是…") or a
     * real answer after the counterfactual still gives the letter.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | ccities | 如果问题问的是德国，答案就是C。 | ~
            zh | ccities | 如果题目问的是英国的首都，答案就是 D。 | ~
            he | hcities | לו השאלה הייתה על גרמניה, התשובה הייתה C. | ~
            he | hcities | אם השאלה הייתה על אנגליה, התשובה הייתה D. | ~
            fr | cities | Si la question portait sur l'Allemagne, ce serait la C. | ~
            fr | cities | Si l'on demandait la capitale de l'Angleterre, ce serait D. | ~
            en | cities | If the question were about Germany, the answer would be C. | ~
            es | cities | Si la pregunta fuera sobre Alemania, sería la C. | ~
            it | icities | Se la domanda riguardasse la Germania, sarebbe la C. | ~
            de | dcities | Ginge es um Deutschland, wäre C richtig. | ~
            ja | cities | ドイツについて聞かれていたら、答えはCです。 | ~
            ko | kcities | 독일에 대해 물었다면 정답은 C입니다. | ~
            yo | cities | Ká ní ìbéèrè náà jẹ́ nípa Germany, ìdáhùn yóò jẹ́ C. | ~
            hi | cities | अगर सवाल जर्मनी के बारे में पूछा जाता तो उत्तर C होता। | ~
            zh | ccities | 题目问的是法国的首都，答案就是B。 | B
            en | cities | If the question were about Germany, the answer would be C; it asks about France, so the answer is B. | B
            fr | cities | Si la question portait sur l'Allemagne, ce serait la C ; mais elle porte sur la France : la réponse est B. | B
            """)
    void aLetterOnlyUnderACounterfactualQuestionIsNotChosen(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    private static void check(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(set), raw, expected);
    }
}
