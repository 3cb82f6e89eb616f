package dev.clp.archfixtures;

import dev.clp.model.ModelClient;
import dev.clp.model.openai.OpenAiChatClient;
import java.time.Duration;

/** Breaks the rule that providers are reached only through the SPI (ProvidersArchitectureTest). */
final class EngineThatBuildsItsOwnClient {

    private EngineThatBuildsItsOwnClient() {
    }

    static ModelClient client() {
        return new OpenAiChatClient("http://127.0.0.1:1/v1", "m", null, "K", Duration.ofSeconds(1));
    }
}
