package dev.clp.suite;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One language side of a pair: the question, its options and the 0-based index of the right one.
 * Answers are graded by index, never by string equality: translated options may repeat or differ.
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Side(String question, List<String> choices, int answer) {

    public Side {
        Objects.requireNonNull(question, "question");
        choices = List.copyOf(choices);
        if (choices.size() < 2) {
            throw new IllegalArgumentException("a side needs at least two choices, got " + choices.size());
        }
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer index " + answer + " is outside 0.." + (choices.size() - 1));
        }
    }

    /** The text of the right option. */
    public String answerText() {
        return choices.get(answer);
    }
}
