package dev.clp.config;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * A model named as {@code <provider>:<model>}.
 *
 * @param provider {@code openai}, {@code anthropic}, {@code azure} or {@code sim}
 * @param model the provider's model name, or the simulator profile
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ModelSpec(String provider, String model) {

    /** Providers this version can call. */
    public static final Set<String> PROVIDERS = Set.of("openai", "anthropic", "azure", "sim");

    public static ModelSpec parse(String value, String key) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ConfigException(key + ": expected <provider>:<model> such as openai:gpt-4o-mini or "
                    + "sim:default, found '" + value + "'");
        }
        String provider = value.substring(0, colon).trim();
        if (!PROVIDERS.contains(provider)) {
            throw new ConfigException(key + ": provider '" + provider + "' in '" + value + "' is not supported by "
                    + "this version; supported: openai (any OpenAI-compatible server via clp.endpoint), anthropic, azure, sim");
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
