package dev.clp.sim;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import java.util.Optional;
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

    /** A plain answer, stopped normally, with no token counts. */
    static ChatResponse reply(String text) {
        return new ChatResponse(text, "stop", 0, 0, 0);
    }
}
