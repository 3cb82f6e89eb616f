package dev.clp.model.openai;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.ModelClient;
import dev.clp.model.http.BatchHttp;
import dev.clp.model.spi.BatchApi;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * {@code openai:<model>}: OpenAI's chat completions, or any OpenAI-compatible server at {@code clp.endpoint}. The
 * key ({@code OPENAI_API_KEY} unless {@code clp.api-key-env} names another variable) is required for OpenAI's
 * own API, optional for other servers.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class OpenAiProvider implements ModelProvider {

    @Override
    public String prefix() {
        return "openai";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        ClpConfig config = context.config();
        String base = endpoint(config);
        ProviderContext.ApiKey key = context.apiKey("OPENAI_API_KEY", base, base.startsWith(OpenAiChatClient.BASE_URL));
        try {
            return new OpenAiChatClient(base, context.model(), key.value(), key.variable(),
                    Duration.ofSeconds(config.limits().timeoutSeconds()), context.stats(),
                    config.decoding().seed().orElse(null)).withLogprobs(config.decoding().logprobs())
                    .withMaxResponseBytes(config.limits().maxResponseBytes());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.ENDPOINT + ": " + e.getMessage());
        }
    }

    @Override
    public String endpoint(ClpConfig config) {
        return config.model().endpoint().orElse(OpenAiChatClient.BASE_URL);
    }

    @Override
    public boolean asksLogprobs(ClpConfig config, String model) {
        return config.decoding().logprobs() && !OpenAiChatClient.reasoningModel(model);
    }

    /** OpenAI's Files and Batches APIs at the endpoint (also a self-hosted server's, for {@code clp batch export}). */
    @Override
    public java.util.Optional<BatchApi> batch(ProviderContext context) {
        String base = endpoint(context.config());
        ProviderContext.ApiKey key = context.apiKey("OPENAI_API_KEY", base, base.startsWith(OpenAiChatClient.BASE_URL));
        OpenAiChatClient chat = (OpenAiChatClient) create(context);
        java.util.Map<String, String> auth = key.value() == null ? java.util.Map.of()
                : java.util.Map.of("Authorization", "Bearer " + key.value());
        BatchHttp http = new BatchHttp(Duration.ofSeconds(context.config().limits().timeoutSeconds()), auth, key.value(),
                key.variable());
        return java.util.Optional.of(OpenAiBatchApi.openAi(http, chat, base));
    }
}
