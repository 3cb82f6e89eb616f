package dev.clp.model.spi;

import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The questions a run will ask, each side of a pair on its own: what a stand-in model may know in advance. Real
 * providers ignore it. Thread-safe; a client sees the questions added before it was created.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Questions {

    /**
     * One question.
     *
     * @param lang the language it is asked in
     * @param distraction characters of distraction text already in the question
     * @param pair the pair the question is a side of, null for a question asked on its own
     */
    public record Question(String lang, Side side, int distraction, Pair pair) {

        /** A question asked on its own, outside a pair. */
        public Question(String lang, Side side, int distraction) {
            this(lang, side, distraction, null);
        }
    }

    /** Guarded by itself; a copy-on-write list made adding n questions cost n^2 / 2 copies (200,000 pairs: minutes). */
    private final List<Question> questions = new java.util.ArrayList<>();

    /** Both sides of a pair: its English question and its target-language question. */
    public Questions add(Pair pair) {
        questions.add(new Question("en", pair.en(), pair.distractionLength(true), pair));
        questions.add(new Question(pair.lang(), pair.target(), pair.distractionLength(false), pair));
        return this;
    }

    /** One question (the generator adds its English seed questions this way). */
    public Questions add(String lang, Side side, int distraction) {
        synchronized (questions) {
            questions.add(new Question(lang, side, distraction));
        }
        return this;
    }

    /** The questions added so far, in order. */
    public List<Question> all() {
        synchronized (questions) {
            return List.copyOf(questions);
        }
    }
}
