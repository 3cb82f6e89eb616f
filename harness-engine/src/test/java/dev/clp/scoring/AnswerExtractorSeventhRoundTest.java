package dev.clp.scoring;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15, seventh round: the classes behind the dev corpora's last wrong and false letters, one test per class,
 * written before the extractor was changed for them, in several languages and in words of my own (not the corpus
 * lines). {@code ~} means no letter: a careful grader gives none.
 */
class AnswerExtractorSeventhRoundTest {

    private static final Map<String, List<String>> SETS = Map.of(
            "planets", List.of("Mars", "Venus", "Earth", "Saturn", "Jupiter"),
            "fplanets", List.of("Mars", "Vénus", "Terre", "Saturne", "Jupiter"),
            "splanets", List.of("Mirihi", "Zuhura", "Dunia", "Zohali", "Mshtarii"),
            "dplanets", List.of("Mars", "Venus", "Erde", "Saturn", "Jupiter"),
            "cities", List.of("London", "Paris", "Rome", "Berlin"),
            "zorgans", List.of("肺", "肝", "心脏", "肾"));

    /**
     * The answer stated as a label with its own text ("… is E. Jupiter."), then prose that names another option's
     * text after a word that can mark a conclusion ("it remains larger than Earth", "na hivyo kuipita Mshtarii"):
     * the prose compares, it does not answer again. Without the stated label the conclusion still reads.
     */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            fr | fplanets | La plus grosse planète est **E. Jupiter**.\\n\\nSa tache rouge a rétréci, mais elle reste plus large que la Terre. | E
            sw | splanets | Jibu ni **D. Zohali**.\\n\\nMwaka huu ilipata miezi mipya, na hivyo kuipita Mshtarii kwa idadi. | D
            en | planets | The planet with the most moons is **D. Saturn**.\\n\\nIt gained new moons in 2023 and thus overtook Jupiter. | D
            de | dplanets | Gesucht ist **E. Jupiter**.\\n\\nSein Sturm ist kleiner geworden, also immer noch breiter als die Erde. | E
            en | planets | Saturn has many moons, but thus Jupiter is the answer. | E
            en | planets | **D. Saturn**\\n\\nWait, no: I misread the question. So Jupiter. | E
            """)
    void aLabelWithItsTextOutweighsAnotherOptionsTextInLaterProse(String lang, String set, String raw,
            String expected) {
        check(lang, set, raw, expected);
    }

    /** "Not A but B" after an answer word: the negated letter is ruled out, the other one is the answer. */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            he | cities | התשובה הנכונה אינה C אלא A. | A
            am | cities | ትክክለኛው መልስ C ሳይሆን D ነው። | D
            en | cities | The answer is not C but B. | B
            de | cities | Die Antwort ist nicht A, sondern D. | D
            es | cities | La respuesta no es la A sino la C. | C
            """)
    void notOneLetterButAnotherIsTheOther(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    /** A slip corrected by "I mean" in the language ("我是说", "digo", "volevo dire", "je veux dire", "ich meine"). */
    @ParameterizedTest(name = "[{0}/{1}] {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | zorgans | 正确答案是A……我是说D，肾。 | D
            es | cities | Es la A... digo, la B, París. | B
            it | cities | È la C... cioè, volevo dire la D, Berlino. | D
            fr | cities | C'est la D... je veux dire la A, Londres. | A
            de | cities | Es ist B ... ich meine C, Rom. | C
            en | cities | It's D... I mean B, Paris. | B
            """)
    void aSlipCorrectedByIMeanReadsTheCorrection(String lang, String set, String raw, String expected) {
        check(lang, set, raw, expected);
    }

    private static void check(String lang, String set, String raw, String expected) {
        ExtractionCheck.reads(lang, SETS.get(set), raw, expected);
    }
}
