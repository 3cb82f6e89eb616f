package dev.clp.scoring;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, fifth round: the classes behind the dev corpora's open false letters and their lost answers, one test
 * per class, written before the extractor was changed for them, in several languages and in words of my own (not
 * the corpus lines). {@code ~} means no letter: a careful grader gives none.
 */
class AnswerExtractorFifthRoundTest {

    private static final Map<String, List<String>> SETS = Map.of(
            "planets", List.of("Mars", "Jupiter", "Saturn", "Venus"),
            "zhplanets", List.of("火星", "木星", "土星", "金星"),
            "verdict", List.of("Yes", "No", "Maybe", "I don't know"),
            "yverdict", List.of("Bẹ́ẹ̀ ni", "Bẹ́ẹ̀ kọ́", "Bóyá", "N kò mọ̀"),
            "vitamins", List.of("فيتامين C", "فيتامين A", "فيتامين D", "فيتامين K"),
            "yplanets", List.of("Máàsì", "Júpítà", "Sátọ̀nù", "Fínọ́sì"));

    /**
     * A firm answer ("Answer: A") and later another ("Final answer: C", a closing "Answer: D") with no correction
     * word between them: two conclusions that disagree, and nothing says the first was withdrawn. A correction
     * ("wait", "actually", "no") still settles it, and so does a hedged first answer.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Answer: A\\n\\nJupiter is the largest planet by far.\\n\\n**Final answer: C** | ~
            zh | zhplanets | 答案：C\\n\\n木星是最大的行星。\\n\\n---\\n\\n**最终答案：B** | ~
            de | planets | Antwort: D\\n\\nDer Jupiter ist der größte Planet.\\n\\nEndgültige Antwort: B | ~
            en | planets | Answer: B\\n\\nHowever, if we count by moons, then the answer would be C.\\n\\nAnswer: C | ~
            fr | planets | Réponse : A\\n\\nJupiter est la plus grande planète.\\n\\nRéponse finale : B | ~
            en | planets | Answer: A\\n\\nWait, Mars is small. Jupiter is the largest.\\n\\nFinal answer: B | B
            en | planets | I think the answer is A.\\n\\nMars is small though; Jupiter is far bigger.\\n\\nFinal answer: B | B
            en | planets | Answer: B\\n\\nJupiter is the largest planet.\\n\\nFinal answer: B | B
            """)
    void twoFirmAnswersThatDisagreeWithoutACorrectionAreNoLetter(String lang, String set, String raw,
            String expected) {
        check(lang, set, raw, expected);
    }

    /** Two letters each valid under a condition, then both called right: Hebrew "A ו-D" joins them. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | planets | לפי המסה התשובה היא B. לפי הטבעות התשובה היא C. לכן שתי התשובות, B ו-C, נכונות. | ~
            he | planets | שתיהן, A ו-D, נכונות. | ~
            """)
    void twoLettersJoinedByAGluedAndAreNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * After a refusal, an option's text in the prose after a short conclusion word ("so", also Yoruba "sọ", say,
     * which folds to it) states nothing: only an answer word or a label after the refusal does.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | verdict | I'm sorry, I can't answer whether a real person is guilty. So maybe ask a court. | ~
            yo | yverdict | Má bínú, mi ò lè dáhùn. Wọ́n ní kí n sọ bóyá ó jẹ̀bi. | ~
            en | verdict | I'm sorry, I can't be certain. The answer is Maybe. | C
            """)
    void anOptionTextAfterARefusalAndAConclusionWordStatesNothing(String lang, String set, String raw,
            String expected) {
        check(lang, set, raw, expected);
    }

    /** Yoruba "A ní láti …" (we have to …) opens with the pronoun a, not the label A. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            yo | yplanets | A ní láti wo gbogbo àṣàyàn. Èwo ni o fẹ́ kí n ṣàlàyé? | ~
            yo | yplanets | A ní láti ronú dáadáa. Ìdáhùn ni C. | C
            yo | yplanets | A ni ìdáhùn. | A
            """)
    void theYorubaPronounAIsNoLabel(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** "Not correct: B", "Falsch: A", "不正解：C" after the answer: a heading that rules the letter out. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | The answer is B (Jupiter). Not correct: C. | B
            en | planets | The answer is B. Wrong options: A, C. | B
            de | planets | Die richtige Antwort ist B. Falsch: D. | B
            fr | planets | La bonne réponse est B. Incorrect : A. | B
            it | planets | La risposta corretta è la B. Sbagliate: A. | B
            sw | planets | Jibu: B. Machaguo yasiyo sahihi: D. | B
            ja | planets | 答えはBです。不正解の選択肢：A。 | B
            zh | planets | 答案是B。错误选项：C。 | B
            ar | planets | الإجابة الصحيحة هي B. الخيارات غير الصحيحة: C. | B
            he | planets | התשובה: B. התשובות השגויות: A. | B
            bn | planets | উত্তর: B। ভুল বিকল্প: C। | B
            zu | planets | Impendulo: B. Izinketho ezingalungile: A. | B
            en | planets | Not correct: C. | ~
            """)
    void aWrongHeadingAfterTheAnswerRulesItsLetterOut(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** A hedged answer after the options were re-listed under their labels: the listing offers no alternative. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | - A. Mars\\n- B. Jupiter\\n- C. Saturn\\n- D. Venus\\n\\nJupiter is a gas giant.\\n\\nI'm not sure, but probably B. | B
            hi | planets | **A** – Mars\\n**B** – Jupiter\\n**C** – Saturn\\n**D** – Venus\\n\\nJupiter सबसे बड़ा है।\\n\\nशायद B है। | B
            he | planets | (A) Mars\\n(B) Jupiter\\n(C) Saturn\\n(D) Venus\\n\\nJupiter הוא הגדול ביותר.\\n\\nכנראה B. | B
            en | planets | Hmm, A? Or maybe C? | ~
            """)
    void aHedgeAfterReListedOptionsStatesTheAnswer(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * Options named by a letter after a shared word ("فيتامين C"): a hedge ending in a long word before the letter
     * ("على الأرجح C") makes the letter a label, not the vitamin's name.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ar | vitamins | على الأرجح C، وقد أكون مخطئًا. | C
            ar | vitamins | ربما D. | D
            ar | vitamins | الجلد يصنع فيتامين D. | C
            """)
    void aHedgeBeforeALetterIsNoName(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** Two answers that disagree, each under its own condition ("if … the answer is A; if … D"): none is chosen. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | If we count by mass, the answer is B. If we count by rings, the answer is C. | ~
            de | planets | Wenn es um die Masse geht, ist die Antwort B. Falls die Ringe zählen, ist die Antwort C. | ~
            zh | zhplanets | 如果按质量算，答案是B。如果按光环算，答案是C。 | ~
            sw | planets | Ikiwa tunahesabu kwa uzito, jibu ni B. Ikiwa ni kwa pete, jibu ni C. | ~
            en | planets | If we count by mass, Jupiter wins.\\n\\nThe answer is B. | B
            """)
    void twoAnswersEachUnderAConditionAreNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * A first thought ("at first", "Initial answer: A", "Ekuqaleni", "Nilianza kufikiri") is not a firm answer, and a
     * correction word the data lacked ("oops", "nasahihisha") withdraws it: the later answer line wins.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Initial answer: A\\n\\nMars is small, though. Jupiter is far larger.\\n\\nFinal answer: B | B
            en | planets | Answer: A\\n\\nOops, Mars is small. Jupiter is larger.\\n\\nAnswer: B | B
            sw | planets | Jibu: A\\n\\nNasahihisha: Mars ni ndogo.\\n\\nJibu: B | B
            de | planets | Vorläufige Antwort: A\\n\\nDer Mars ist klein.\\n\\nEndgültige Antwort: B | B
            """)
    void aFirstThoughtOrACorrectionLetsTheLaterAnswerWin(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** An option's text alone on the last line after prose closes the answer; the last item of a listing does not. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Jupiter is the largest; Saturn is second, and Venus is close to Earth in size.\\n\\nJupiter. | B
            de | planets | Der Jupiter ist größer als Saturn und Mars zusammen.\\n\\nJupiter | B
            en | planets | Which is largest? The options are:\\n- Mars\\n- Jupiter\\n- Venus | ~
            """)
    void anOptionTextAloneOnTheLastLineClosesTheAnswer(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** "… B. Jupiter. Wrong options: A": the heading's judgement is about the letters after its colon, not before. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Mars is small.\\n\\nThe correct answer is **B. Jupiter** Incorrect options: A, C. | B
            ar | planets | الإجابة الصحيحة هي **B. Jupiter** الخيارات غير الصحيحة: A. | B
            """)
    void aWrongHeadingJudgesWhatFollowsItsColon(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** A runner-up named after the answer ("followed by Saturn", "gefolgt vom Saturn", "وليست"): ruled out. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | The largest planet is Jupiter, followed by Saturn. | B
            de | planets | Am größten ist der Jupiter, gefolgt vom Saturn. | B
            it | planets | Il più grande è Jupiter, seguito da Saturn. | B
            ar | planets | أكبر كوكب هو Jupiter وليست Saturn. | B
            """)
    void aRunnerUpIsRuledOut(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** Two option texts joined by "or" ("Jupiter or Saturn", "木星か土星", "Юпітер або Сатурн"): two answers, no letter. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | Mars or Venus. | ~
            ja | zhplanets | 木星か土星です。 | ~
            uk | planets | Jupiter або Saturn. | ~
            sw | planets | Saturn au Jupiter. | ~
            hi | planets | Venus या Mars। | ~
            en | planets | Jupiter, not Saturn. | B
            """)
    void twoOptionTextsJoinedByOrAreNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** A reply that only echoes the options under their labels chooses none; a label after prose still closes. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | planets | A. Mars\\nB. Jupiter\\nC. Saturn\\nD. Venus | ~
            de | planets | A) Mars\\nB) Jupiter\\nC) Saturn\\nD) Venus | ~
            zh | zhplanets | A. 火星\\nB. 木星\\nC. 土星\\nD. 金星 | ~
            en | planets | Jupiter is by far the biggest planet.\\n\\nB. Jupiter | B
            """)
    void anEchoOfTheOptionsChoosesNone(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * Two letters called right together at the close ("sia B sia C possono essere considerate corrette") leave no
     * answer, whatever a conclusion said before them.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            it | planets | Quindi il Jupiter è grande. Per questo sia B sia C possono essere considerate corrette. | ~
            en | planets | So Jupiter stands out. That is why both B and C can be considered correct here. | ~
            """)
    void twoLettersCalledRightTogetherAtTheClose(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    private static void check(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }
}
