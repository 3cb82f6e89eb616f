package dev.clp.sim;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.scoring.FallbackExtractor;
import java.util.Optional;

/**
 * Asked to read another model's answer (the fallback extractor's prompt, {@link FallbackExtractor#HEADER}), the
 * simulator cannot, and says so: {@code NONE}.
 */
final class FallbackReading implements SimulatedTask {

    @Override
    public Optional<ChatResponse> answer(String prompt, ChatRequest request) {
        return prompt.startsWith(FallbackExtractor.HEADER) ? Optional.of(SimulatedTask.reply("NONE"))
                : Optional.empty();
    }
}
