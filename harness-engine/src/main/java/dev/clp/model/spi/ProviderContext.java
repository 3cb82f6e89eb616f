package dev.clp.model.spi;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.CallStats;
import dev.clp.model.SafeText;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * What a {@link ModelProvider} gets to build its client.
 *
 * @param model the model name after the {@code clp.model} prefix ({@code gpt-4o-mini} for {@code openai:gpt-4o-mini})
 * @param config the run's configuration; {@code config.model()} is the model to build (also for the fallback
 *     extractor's model)
 * @param environment the process environment, where API keys come from (never from files)
 * @param stats the run's call counters; an HTTP client counts calls, tokens and fingerprints into them
 * @param questions the questions the run will ask; real providers ignore them
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ProviderContext(String model, ClpConfig config, Map<String, String> environment, CallStats stats,
        Questions questions) {

    /**
     * An API key and the environment variable it came from (named in error messages instead of the key).
     *
     * @param value the key, or null when the variable is unset or blank
     */
    public record ApiKey(String value, String variable) {

        @Override
        public String toString() {
            return "ApiKey[" + variable + (value == null ? ", unset]" : ", set]");
        }
    }

    /**
     * The API key from the variable {@code clp.api-key-env} names, or {@code defaultVariable}.
     *
     * @param baseUrl the endpoint the key is for, named (redacted) in the message
     * @param required whether the endpoint needs a key (a hosted API); a key is also required when
     *     {@code clp.api-key-env} names a variable, and never with {@code clp.cache=replay}, which sends no call
     * @throws ConfigException naming the variable when a required key is missing
     */
    public ApiKey apiKey(String defaultVariable, String baseUrl, boolean required) {
        String variable = config.model().apiKeyEnv().orElse(defaultVariable);
        String value = environment.get(variable);
        if (value != null && value.isBlank()) {
            value = null;
        }
        boolean replay = "replay".equals(config.cache().mode());
        if (value == null && !replay && (required || config.model().apiKeyEnv().isPresent())) {
            throw new ConfigException("the environment variable " + variable + " is not set; it must hold the API key "
                    + "for " + SafeText.url(baseUrl) + " (choose another variable with " + ClpConstants.API_KEY_ENV + ")");
        }
        return new ApiKey(value, variable);
    }
}
