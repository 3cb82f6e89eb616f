package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A range of letters ("A–D", "A to D", "von A bis D", "من A إلى D", "AからD") names a set of options, not an answer:
 * neither end is stated. Written from corpus N's dev half (five languages read "none of the answers A–D can be
 * correct" as A) before the code was changed; the wording here is this test's own. {@code ~} is no letter.
 */
class AnswerExtractorLetterRangeTest {

    private static final List<String> PLANETS = List.of("Mercury", "Venus", "Earth", "Mars");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | The question is flawed: none of the answers A–D fits the data given. | ~
            en | None of A-D is right. | ~
            en | None of the options A to D is correct. | ~
            de | Die Frage ist fehlerhaft, keine der Antworten von A bis D passt. | ~
            fr | La question est mal posée : aucune des réponses de A à D ne convient. | ~
            es | Ninguna de las opciones de A a D es correcta. | ~
            sw | Swali lina kosa; hakuna jibu kati ya A hadi D lililo sahihi. | ~
            ar | السؤال خاطئ، ولا توجد إجابة صحيحة من A إلى D. | ~
            he | השאלה שגויה, אף אחת מהתשובות A–D אינה נכונה. | ~
            ja | 問題に誤りがあり、AからDのどれも正しくありません。 | ~
            zh | 题目有误，A到D都不对。 | ~
            am | ጥያቄው ስህተት አለበት፤ ከA–D አንዱም ትክክል አይደለም። | ~
            en | Pick one of A–D: I choose B. | B
            en | Of the options A to D, only C is a planet with a moon of that name... so the answer is C. | C
            en | A – no, wait, it is B. | B
            es | La respuesta es la A, a diferencia de lo que parece. | A
            """)
    void aRangeOfLettersStatesNoAnswer(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, PLANETS, raw, "stop", expected);
    }
}
