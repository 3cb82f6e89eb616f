package dev.clp.model.spi;

import dev.clp.config.ClpConfig;
import dev.clp.model.ModelClient;
import org.apiguardian.api.API;

/**
 * A kind of model the harness can call, found through {@link java.util.ServiceLoader} and chosen by the prefix of
 * {@code clp.model} ({@code <prefix>:<model>}). The harness ships {@code openai}, {@code azure}, {@code anthropic}
 * and {@code sim}; a team adds its own gateway by implementing this interface and listing the class in
 * {@code META-INF/services/dev.clp.model.spi.ModelProvider}.
 *
 * <p>A provider builds the bare client only. {@code ModelClients} wraps what it returns in the layers every remote
 * model gets (retry, circuit, adaptive concurrency, budget, response cache), so a provider neither retries nor
 * caches. Failure contract: configuration a user must fix is a {@link dev.clp.config.ConfigException} whose message
 * starts with the key ({@code clp.endpoint: …}) or names the environment variable; a failed call is a
 * {@link dev.clp.model.ModelException} naming the endpoint (through {@link dev.clp.model.SafeText#url(String)}), the
 * status and the server's own message, never the API key.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ModelProvider {

    /** The {@code clp.model} prefix this provider answers to, e.g. {@code openai}; unique on the class path. */
    String prefix();

    /**
     * Builds the client for {@link ProviderContext#model()}.
     *
     * @throws dev.clp.config.ConfigException naming the key or environment variable when something needed is
     *     missing or invalid
     */
    ModelClient create(ProviderContext context);

    /**
     * Whether the client answers in this process without calls to count, pay for or cache (the offline simulator):
     * it is used as returned, without the common layers. Remote providers keep the default, false.
     */
    default boolean inProcess() {
        return false;
    }

    /** The endpoint that identifies this provider's answers in the response cache: its base URL. */
    default String endpoint(ClpConfig config) {
        return config.model().endpoint().orElse("");
    }

    /** The API version the client sends, part of the response cache key and of run.json's settings; "" if none. */
    default String apiVersion(ClpConfig config) {
        return "";
    }

    /** Whether the client asks for log probabilities for {@code model} under {@code config} (part of the cache key). */
    default boolean asksLogprobs(ClpConfig config, String model) {
        return false;
    }

    /**
     * The provider's batch API for {@link ProviderContext#model()}, when it has one ({@code clp batch}); empty by
     * default. Its request lines carry the bodies this provider's client sends, so a batched answer is the answer to
     * the same request.
     *
     * @throws dev.clp.config.ConfigException as {@link #create} does
     */
    default java.util.Optional<BatchApi> batch(ProviderContext context) {
        return java.util.Optional.empty();
    }

    /**
     * Whether answers carrying this {@code system_fingerprint} (as an OpenAI-compatible server reports it, see
     * {@link dev.clp.model.CallStats#fingerprints()}) come from a stand-in this provider knows, so that every output
     * of the run is labelled SIMULATED. Real providers keep the default, false.
     */
    default boolean simulatedFingerprint(String systemFingerprint) {
        return false;
    }
}
