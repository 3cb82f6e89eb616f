package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A JSON answer ({@code clp.structured-answers}, or a model that answers in JSON unasked) whose "answer" is not a bare
 * letter: its value is read as a short answer would be, label and option text agreeing, and refused when they do not.
 */
class StructuredAnswerTest {

    private static final List<String> BOILING = List.of("90 °C", "100 °C", "80 °C", "120 °C");
    private static final List<String> VITAMINS = List.of("Vitamin C", "Vitamin A", "Vitamin D", "Vitamin K");

    private static Extraction read(String lang, String raw, List<String> choices) {
        return AnswerExtractor.extract(lang, raw, choices, "stop");
    }

    private static int letter(Extraction e) {
        assertThat(e).isInstanceOf(Extraction.Choice.class);
        return ((Extraction.Choice) e).index();
    }

    @Test
    void aLabelWithItsOptionTextIsThatOption() {
        assertThat(letter(read("en", "{\"answer\": \"B. 100 °C\", \"explanation\": \"At 1 atm.\"}", BOILING)))
                .isEqualTo(1);
        assertThat(letter(read("ja", "{\"answer\": \"C. ビタミンD\"}", List.of("ビタミンC", "ビタミンA", "ビタミンD",
                "ビタミンK")))).isEqualTo(2);
        assertThat(letter(read("en", "```json\n{\"answer\": \"C) Vitamin D\"}\n```", VITAMINS))).isEqualTo(2);
    }

    @Test
    void anOptionTextAloneIsThatOption() {
        assertThat(letter(read("it", "{\"answer\": \"Giove\"}", List.of("Marte", "Giove", "La Terra", "Saturno"))))
                .isEqualTo(1);
    }

    @Test
    void aLabelWithAnotherOptionsTextIsNoAnswer() {
        assertThat(read("en", "{\"answer\": \"B. Vitamin D\"}", VITAMINS)).isInstanceOf(Extraction.Unparseable.class);
    }

    @Test
    void aValueThatNamesNoOptionSaysSo() {
        Extraction e = read("en", "{\"answer\": \"I am not sure\"}", BOILING);
        assertThat(e).isInstanceOf(Extraction.Unparseable.class);
        assertThat(((Extraction.Unparseable) e).reason()).startsWith("structured answer 'I am not sure' names no option");
        assertThat(read("en", "{\"answer\": \"\"}", BOILING)).isInstanceOf(Extraction.Unparseable.class);
    }

    @Test
    void aBareLetterStaysTheFastPath() {
        assertThat(read("en", "{\"answer\": \"d\"}", BOILING)).isEqualTo(new Extraction.Choice(3, "structured"));
        assertThat(read("en", "{\"answer\": \"E\"}", BOILING)).isInstanceOf(Extraction.Unparseable.class);
    }
}
