package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An option named by its last word only: "Picasso." for "Pablo Picasso", "In der DNA." for "Die DNA". When nothing
 * else in the reply names an option, the last word of one option of several capitalized words (a name), found as a
 * whole word and in no other option, not negated just before and beside no other option's word, is that option. In
 * a script without case a name cannot be told from a common word ("גרעין התא", the cell nucleus, ends in "the cell"),
 * so "כתב שייקספיר" stays no letter. Written from dev-j's es-option-text-04-j, he-option-text-03-j and de-option-text-05-j before the code
 * was changed; the wording is this test's own. {@code ~} is no letter.
 */
class AnswerExtractorSurnameTest {

    private static final List<String> WRITERS = List.of("Charles Dickens", "William Shakespeare", "Mark Twain", "Leo Tolstoy");
    private static final List<String> HWRITERS = List.of("צ'רלס דיקנס", "ויליאם שייקספיר", "מארק טוויין", "לב טולסטוי");
    private static final List<String> SWLEADERS = List.of("Jomo Kenyatta", "Julius Nyerere", "Milton Obote", "Paul Kagame");
    private static final List<String> MOLECULES = List.of("Die RNA", "Das ATP", "Das Glukagon", "Die DNA");

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | w  | Shakespeare wrote it around 1600. | B
            es | w  | Lo escribió Shakespeare. | B
            he | hw | "את ""המלט"" כתב שייקספיר, בסביבות 1600." | ~
            en | w  | Tolstoy. | D
            sw | sl | Ni Nyerere, rais wa kwanza wa Tanzania. | B
            de | m  | In der DNA. | D
            en | w  | Not Shakespeare. | ~
            en | w  | Twain or Shakespeare, I am not sure. | ~
            en | w  | Dickens admired Shakespeare. | ~
            en | w  | William wrote it. | ~
            """)
    void anOptionNamedByItsLastWord(String lang, String options, String raw, String expected) {
        List<String> choices = switch (options) {
            case "hw" -> HWRITERS;
            case "sl" -> SWLEADERS;
            case "m" -> MOLECULES;
            default -> WRITERS;
        };
        ExtractionCheck.reads(lang, choices, raw, "stop", expected);
    }
}
