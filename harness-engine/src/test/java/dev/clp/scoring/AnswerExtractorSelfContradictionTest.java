package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, the false letters of dev corpus I (brief XF8): three classes where a careful grader gives no letter and
 * the extractor gave one, written before the extractor was changed for them, in several languages and in words of my
 * own (not the corpus lines). {@code ~} means no letter.
 */
class AnswerExtractorSelfContradictionTest {

    /**
     * Two answers stated as whole sentences ("The answer is B." … "Therefore, the correct answer is C."), or an
     * answer line and such a sentence, that disagree with nothing between them that withdraws the first: the reply
     * contradicts itself, and a closing conclusion word does not say which one it meant. A correction word, a first
     * answer that was hedged or only reported ("At first I thought …"), or the first letter called wrong before the
     * second still let the second one stand (Yoruba "má bínú", sorry, and "mo tún ṣírò", I worked it out again, are
     * such words); so does the same letter stated twice.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cities | Let me work through this.\\n\\nThe answer is B.\\n\\nParis has been the capital of France since the Middle Ages.\\n\\nTherefore, the correct answer is C. | ~
            de | dcities | Die richtige Antwort ist A.\\n\\nBerlin ist seit 1990 die Hauptstadt.\\n\\nAlso ist die Antwort C. | ~
            it | icities | Risposta: D\\n\\nRoma è la capitale d'Italia dal 1871.\\n\\nQuindi la risposta corretta è A. | ~
            ko | kcities | 정답은 C입니다.\\n\\n파리는 프랑스의 수도입니다.\\n\\n따라서 정답은 B입니다. | ~
            ar | acities | الإجابة الصحيحة هي A.\\n\\nباريس هي عاصمة فرنسا.\\n\\nإذن الإجابة هي B. | ~
            sw | scities | Jibu sahihi ni D.\\n\\nParis ni mji mkuu wa Ufaransa.\\n\\nKwa hiyo jibu ni B. | ~
            am | mcities | መልሱ C ነው።\\n\\nፓሪስ የፈረንሳይ ዋና ከተማ ናት።\\n\\nስለዚህ ትክክለኛው መልስ B ነው። | ~
            zh | ccities | 答案是A。\\n\\n巴黎是法国的首都。\\n\\n所以正确答案是B。 | ~
            en | cities | The answer is B.\\n\\nWait, I misread the question: it asks for Germany. So the answer is C. | C
            de | dcities | Die Antwort ist A.\\n\\nNein, Moment: gefragt ist Deutschland. Also ist die Antwort C. | C
            en | cities | Maybe the answer is A.\\n\\nLooking closer, Paris is the capital. So the answer is B. | B
            en | cities | At first I thought the answer was A.\\n\\nBut Paris is the capital of France, so the answer is B. | B
            en | cities | The answer is A.\\n\\nA is incorrect, though: Rome is in Italy.\\n\\nSo the answer is B. | B
            en | cities | The answer is B.\\n\\nParis is the capital of France.\\n\\nSo the answer is B. | B
            yo | scities | Ìdáhùn ni A. Má bínú, mo tún ṣírò rẹ̀: Paris ni olú ìlú. Ìdáhùn tó tọ́ ni B. | B
            yo | scities | Ìdáhùn ni C. Ẹ má bínú, mo tún wò ó: Berlin kọ́. Ìdáhùn ni D. | D
            """)
    void twoStatedAnswersThatDisagreeWithoutACorrectionGiveNoLetter(String lang, String set, String raw,
            String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * A letter named only under a counterfactual ("had it been …, the answer would have been B", "якби …, була б
     * B", "ቢሆን ኖሮ … ይሆን ነበር") is not chosen: beside "none fits" the reply gives no letter. The markers are data
     * per language; a plain "would be" states an answer, and a real answer after the counterfactual still stands.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            fr | days | Si la question avait porté sur une année bissextile, la réponse aurait été B, mais aucune option ne convient. | ~
            ja | days | うるう年ならBになったはずですが、どの選択肢も合いません。 | ~
            ko | days | 윤년이었다면 답은 B였을 것이지만, 맞는 선택지가 없습니다. | ~
            zh | days | 假如是闰年，答案本来会是B，但没有一个选项正确。 | ~
            hi | days | अगर लीप वर्ष होता तो उत्तर B होता, पर कोई भी विकल्प ठीक नहीं बैठता। | ~
            he | days | אילו הייתה זו שנה מעוברת, התשובה הייתה B, אבל אף אפשרות לא מתאימה. | ~
            am | days | ዓመቱ የመዝለል ዓመት ቢሆን ኖሮ መልሱ B ይሆን ነበር፤ ግን የሚስማማ አማራጭ የለም። | ~
            yo | days | Bí ọdún náà bá jẹ́ ọdún lílọ, ìdáhùn ì bá jẹ́ B, ṣùgbọ́n kò sí èyí tó bá a mu. | ~
            zu | days | Ukube bekungunyaka weqe, impendulo ibizoba ngu-B, kodwa ayikho efanelekile. | ~
            en | days | Had the year been a leap year, the answer would have been B; as asked, none of the options fits. | ~
            sw | days | Kama mwaka ungekuwa mrefu, jibu lingekuwa B, lakini hakuna jibu linalofaa. | ~
            en | days | If it were a leap year the answer would have been B, but it is not, so the answer is D. | D
            en | days | The correct answer would be D. | D
            de | days | Richtig wäre D. | D
            es | days | Sería la D. | D
            """)
    void aLetterOnlyUnderACounterfactualIsNotChosen(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /**
     * "Both X and Y" in the language's own connector ("sowohl A als auch C", "tanto la A como la C", "sia A che C",
     * "AもDも", "A도 C도", "B तथा C", "A pamoja na C"): two letters called right together, no letter.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            de | dcities | Sowohl A als auch C stimmen. | ~
            es | cities | Tanto la A como la C son correctas. | ~
            es | cities | Tanto A como D son válidas. | ~
            it | icities | Sia A che C sono corrette. | ~
            ja | cities | AもDも正しいです。 | ~
            ko | kcities | A도 C도 정답입니다. | ~
            hi | cities | B तथा C दोनों सही हैं। | ~
            sw | scities | A pamoja na C ni sahihi. | ~
            en | cities | Both A and C are correct. | ~
            he | cities | גם B וגם C נכונות. | ~
            de | dcities | A ist falsch, richtig ist C. | C
            es | cities | La respuesta es la B, como dije. | B
            """)
    void bothOfTwoLettersCalledRightGiveNoLetter(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    private static void check(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(set), raw, expected);
    }
}
