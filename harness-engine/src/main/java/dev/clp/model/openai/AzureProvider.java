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
 * {@code azure:<deployment>}: Azure OpenAI at {@code clp.endpoint} (required), {@code api-version}
 * {@code clp.azure.api-version}, the key from {@code AZURE_OPENAI_API_KEY} unless {@code clp.api-key-env} names
 * another variable.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AzureProvider implements ModelProvider {

    @Override
    public String prefix() {
        return "azure";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        ClpConfig config = context.config();
        String base = endpoint(config);
        ProviderContext.ApiKey key = context.apiKey("AZURE_OPENAI_API_KEY", base, true);
        try {
            return OpenAiChatClient.azure(base, context.model(), config.model().azureApiVersion(), key.value(),
                    key.variable(), Duration.ofSeconds(config.limits().timeoutSeconds()), context.stats(),
                    config.decoding().seed().orElse(null)).withLogprobs(config.decoding().logprobs())
                    .withMaxResponseBytes(config.limits().maxResponseBytes());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.ENDPOINT + ": " + e.getMessage());
        }
    }

    @Override
    public String endpoint(ClpConfig config) {
        return config.model().endpoint().orElseThrow(() -> new ConfigException(ClpConstants.ENDPOINT
                + ": required for azure, e.g. https://<resource>.openai.azure.com (the deployment is clp.model)"));
    }

    @Override
    public String apiVersion(ClpConfig config) {
        return config.model().azureApiVersion();
    }

    @Override
    public boolean asksLogprobs(ClpConfig config, String model) {
        return config.decoding().logprobs() && !OpenAiChatClient.reasoningModel(model);
    }

    /** Azure OpenAI's batch deployments: {@code /openai/files} and {@code /openai/batches} with {@code api-version}. */
    @Override
    public java.util.Optional<BatchApi> batch(ProviderContext context) {
        ClpConfig config = context.config();
        String base = endpoint(config);
        ProviderContext.ApiKey key = context.apiKey("AZURE_OPENAI_API_KEY", base, true);
        OpenAiChatClient chat = (OpenAiChatClient) create(context);
        java.util.Map<String, String> auth = key.value() == null ? java.util.Map.of()
                : java.util.Map.of("api-key", key.value());
        BatchHttp http = new BatchHttp(Duration.ofSeconds(config.limits().timeoutSeconds()), auth, key.value(),
                key.variable());
        return java.util.Optional.of(OpenAiBatchApi.azure(http, chat, base, context.model(), config.model().azureApiVersion()));
    }
}
