package dev.clp.model.anthropic;

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
 * {@code anthropic:<model>}: the Anthropic Messages API at {@code clp.endpoint} or Anthropic's own, version
 * {@code clp.anthropic.version}, the key from {@code ANTHROPIC_API_KEY} unless {@code clp.api-key-env} names another
 * variable.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class AnthropicProvider implements ModelProvider {

    @Override
    public String prefix() {
        return "anthropic";
    }

    @Override
    public ModelClient create(ProviderContext context) {
        ClpConfig config = context.config();
        String base = endpoint(config);
        ProviderContext.ApiKey key = context.apiKey("ANTHROPIC_API_KEY", base, true);
        try {
            return new AnthropicMessagesClient(base, context.model(), key.value(), key.variable(),
                    config.model().anthropicVersion(), Duration.ofSeconds(config.limits().timeoutSeconds()),
                    context.stats()).withMaxResponseBytes(config.limits().maxResponseBytes());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.ENDPOINT + ": " + e.getMessage());
        }
    }

    @Override
    public String endpoint(ClpConfig config) {
        return config.model().endpoint().orElse(AnthropicMessagesClient.BASE_URL);
    }

    @Override
    public String apiVersion(ClpConfig config) {
        return config.model().anthropicVersion();
    }

    /** Anthropic's Message Batches at the endpoint. */
    @Override
    public java.util.Optional<BatchApi> batch(ProviderContext context) {
        ClpConfig config = context.config();
        String base = endpoint(config);
        ProviderContext.ApiKey key = context.apiKey("ANTHROPIC_API_KEY", base, true);
        AnthropicMessagesClient messages = (AnthropicMessagesClient) create(context);
        java.util.Map<String, String> auth = new java.util.LinkedHashMap<>();
        if (key.value() != null) {
            auth.put("x-api-key", key.value());
        }
        auth.put("anthropic-version", config.model().anthropicVersion());
        BatchHttp http = new BatchHttp(Duration.ofSeconds(config.limits().timeoutSeconds()), auth, key.value(),
                key.variable());
        return java.util.Optional.of(new AnthropicBatchApi(http, messages, base));
    }
}
