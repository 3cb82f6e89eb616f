package dev.clp.scoring;

import dev.clp.suite.Side;
import org.apiguardian.api.API;

/**
 * Renders one side of a pair as a prompt: the localized instruction, the question and lettered options
 * (A, B, C, ...; Latin letters in every language, so answers are comparable), ending with the localized
 * word for "Answer:".
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class PromptRenderer {

    private PromptRenderer() {
    }

    public static String render(String lang, Side side) {
        LanguageText text = LanguageText.of(lang);
        StringBuilder sb = new StringBuilder(side.question().length() + 256)
                .append(text.instruction()).append("\n\n")
                .append(text.questionLabel()).append(": ").append(side.question().strip()).append("\n\n");
        for (int i = 0; i < side.choices().size(); i++) {
            sb.append(letter(i)).append(". ").append(side.choices().get(i).strip()).append('\n');
        }
        return sb.append('\n').append(text.answerLabel()).append(':').toString();
    }

    /** The option letter for a 0-based index. */
    public static char letter(int index) {
        return (char) ('A' + index);
    }
}
