package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "…, o sea la C", "…, das heißt B", "…, 也就是B。": a word for "that is" after the reasoning restates its result as a
 * letter, a conclusion like "so" (data: {@code conclude}; en "that is,", sw "yaani", he "כלומר", ko 즉, ja つまり had
 * it). Written from dev-j's es-elimination-03-j before the data was changed; the wording is this test's own, in the
 * languages that had no such word. The question asks for the capital of France (B). {@code ~} is no letter.
 */
class AnswerExtractorThatIsConclusionTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            es | escities | "Roma (A) está en Italia y Berlín (C) en Alemania; la capital es París, o sea la B." | B
            es | escities | "Roma (A) está en Italia y Berlín (C) en Alemania; la capital es París, es decir, la B." | B
            de | dcities  | "Rom (A) liegt in Italien und Berlin (C) in Deutschland; die Hauptstadt ist Paris, das heißt B." | B
            it | icities  | "Roma (A) è in Italia e Berlino (C) in Germania; la capitale è Parigi, ossia la B." | B
            uk | ucities  | "Рим (A) в Італії, Берлін (C) у Німеччині; столиця — Париж, тобто B." | B
            zh | ccities  | 罗马（A）在意大利，柏林（C）在德国；首都是巴黎，也就是B。 | B
            hi | hicities | रोम (A) इटली में है और बर्लिन (C) जर्मनी में; राजधानी पेरिस है, यानी B। | B
            am | mcities  | ሮም (A) ጣሊያን ውስጥ፣ በርሊን (C) ጀርመን ውስጥ ናቸው፤ ዋና ከተማዋ ፓሪስ ናት፣ ማለትም B። | B
            yo | cities   | "Róòmù (A) wà ní Ítálì, Bẹ̀rlínì (C) wà ní Jámánì; olú-ìlú ni Paris, ìyẹn ni B." | B
            zu | zcities  | "IRoma (A) ise-Italy, iBerlin (C) iseJalimane; inhloko-dolobha yiParis, okungukuthi B." | B
            ar | acities  | "روما (A) في إيطاليا، برلين (C) في ألمانيا؛ العاصمة باريس، يعني B." | B
            es | escities | "Roma (A) o Berlín (C), es decir, no lo sé." | ~
            de | dcities  | "Das heißt, A oder C, ich bin mir nicht sicher." | ~
            zh | ccities  | 也就是说，A和C都有可能。 | ~
            """)
    void aThatIsAfterTheReasoningConcludes(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
