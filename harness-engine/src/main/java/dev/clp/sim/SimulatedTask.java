package dev.clp.sim;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * A kind of prompt the simulator answers besides multiple-choice questions, found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.clp.sim.SimulatedTask}); {@code probes} registers the
 * generator's tasks (distractions, translations, judging) this way. {@link SimulatedModel} asks every task in turn
 * before it answers a prompt as a multiple-choice question. Implementations are stateless and deterministic: the same
 * prompt and sample give the same answer ({@link Draws}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface SimulatedTask {

    /** A prompt as the simulator reads it, and the language a task knows it is written in, if any. */
    record Reading(String prompt, Optional<String> language) {
    }

    /** The answer to a prompt this task recognises, or empty when the prompt is not one of its tasks. */
    Optional<ChatResponse> answer(String prompt, ChatRequest request);

    /**
     * How the simulator reads a multiple-choice prompt that holds text this task produced earlier (a simulated
     * translation it understands): the prompt without the task's marks, with their language. By default, as is.
     */
    default Reading read(String prompt) {
        return new Reading(prompt, Optional.empty());
    }

    /**
     * A question asked on its own (not a side of a suite's pair: the generator's seed questions, with the text it added
     * around them) as the simulator is about to answer it.
     *
     * @param model the profile answering
     * @param lang the language the question is asked in
     * @param question the known question's text, as registered
     * @param added the text around the question in the prompt's question paragraph, as read ({@link #read}), or ""
     * @param choices the options in the order shown
     * @param right the index of the right option among {@code choices}
     * @param accuracy the profile's probability of a right answer at this language and distraction length
     * @param plainAccuracy the profile's probability of a right answer to the question in this language without the
     *     added text (the length response of {@code accuracy} describes the published pairs, which a search selected)
     * @param sample the sample index (0 at temperature 0)
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    record Asked(String model, String lang, String question, String added, List<String> choices, int right,
            double accuracy, double plainAccuracy, int sample) {
    }

    /**
     * The option a reader picks for a question asked on its own ({@link Asked}), or empty to leave it to the
     * simulator's own draw (right at the profile's accuracy, independently for every prompt). Suite pairs are always
     * the simulator's. By default, empty.
     */
    default OptionalInt choose(Asked asked) {
        return OptionalInt.empty();
    }

    /**
     * How the simulator words its answer to a multiple-choice prompt this task laid out for it ({@link #read}), or empty
     * for the simulator's own lettered formats: a prompt that lists its options without letters (the published answer
     * prompt) is answered with the option's text, as a model would.
     *
     * @param model the profile answering
     * @param prompt the prompt as sent (before {@link #read})
     * @param choices the options as read, in the order shown
     * @param pick the index of the option the simulator chose
     * @param sample the sample index (0 at temperature 0)
     */
    default Optional<String> word(String model, String prompt, List<String> choices, int pick, int sample) {
        return Optional.empty();
    }

    /** A plain answer, stopped normally, with no token counts. */
    static ChatResponse reply(String text) {
        return new ChatResponse(text, "stop", 0, 0, 0);
    }
}
