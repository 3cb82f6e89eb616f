package dev.clp.config;

import java.util.Set;
import org.apiguardian.api.API;
import java.util.regex.Pattern;

/**
 * A model named as {@code <provider>:<model>}.
 *
 * @param provider the prefix of a {@code dev.clp.model.spi.ModelProvider}: {@code openai}, {@code anthropic},
 *     {@code azure}, {@code sim}, or one a plug-in adds (whether one is on the class path is checked when the model
 *     is built, naming the providers found)
 * @param model the provider's model name, or the simulator profile
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelSpec(String provider, String model) {

    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_-]*");

    public static ModelSpec parse(String value, String key) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ConfigException(key + ": expected <provider>:<model> such as openai:gpt-4o-mini or "
                    + "sim:default, found '" + value + "'");
        }
        String provider = value.substring(0, colon).trim();
        if (!PROVIDER.matcher(provider).matches()) {
            throw new ConfigException(key + ": provider '" + provider + "' in '" + value + "' is not a provider "
                    + "prefix (lower-case letters, digits, '-' and '_'), such as openai (any OpenAI-compatible server "
                    + "via clp.endpoint), anthropic, azure, sim");
        }
        return new ModelSpec(provider, value.substring(colon + 1).trim());
    }

    public boolean simulated() {
        return "sim".equals(provider);
    }

    @Override
    public String toString() {
        return provider + ":" + model;
    }
}
