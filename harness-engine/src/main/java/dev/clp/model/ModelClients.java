package dev.clp.model;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import dev.clp.model.http.HttpJson;
import dev.clp.model.internal.BudgetedModelClient;
import dev.clp.model.internal.CachingModelClient;
import dev.clp.model.internal.ResponseCache;
import dev.clp.model.internal.RetryingModelClient;
import dev.clp.model.internal.SqliteNative;
import dev.clp.model.spi.ModelProvider;
import dev.clp.model.spi.ProviderContext;
import dev.clp.model.spi.Questions;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Builds the configured {@link ModelClient}: looks up the {@link ModelProvider} named by the {@code clp.model} prefix
 * (through {@link ServiceLoader}) and wraps the client it returns in the layers every remote model gets.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ModelClients {

    private ModelClients() {
    }

    /**
     * Creates the model client for a run.
     *
     * @param questions what a stand-in model may know; ignored by real providers
     * @throws ConfigException naming the key or environment variable when something needed is missing
     */
    public static ModelClient create(ClpConfig config, Map<String, String> environment, Questions questions) {
        return create(config, environment, questions, new CallStats());
    }

    /**
     * Creates the model client for a run, counting into {@code stats}. Remote providers are layered as
     * cache ► budget ► retry ► circuit check ► adaptive concurrency ► provider: every attempt takes a slot, and a retry
     * waits without holding one; a refused key or an endpoint that never answered stops the calls not yet sent
     * ({@code Circuit}).
     */
    public static ModelClient create(ClpConfig config, Map<String, String> environment, Questions questions,
            CallStats stats) {
        var spec = config.model().spec();
        Map<String, ModelProvider> providers = providers();
        ModelProvider provider = providers.get(spec.provider());
        if (provider == null) {
            throw new ConfigException(ClpConstants.MODEL + ": unsupported provider '" + spec.provider() + "' in '"
                    + spec + "'; providers found: " + String.join(", ", providers.keySet()) + " (a provider is a "
                    + ModelProvider.class.getName() + " listed in META-INF/services)");
        }
        stats.simulatedWhen(fingerprint -> providers.values().stream().anyMatch(p -> p.simulatedFingerprint(fingerprint)));
        ModelClient client = provider.create(new ProviderContext(spec.model(), config, environment, stats, questions));
        if (provider.inProcess()) {
            return client;
        }
        BudgetedModelClient budgeted = new BudgetedModelClient(resilient(client, config, stats),
                budget(config.budget()));
        stats.ledger(budgeted);
        return cached(budgeted, config, stats, provider, spec.model());
    }

    /**
     * The providers on the class path (the thread's context class loader) by prefix, sorted.
     *
     * @throws ConfigException when two providers claim one prefix, naming both classes, or when a listed provider
     *     cannot be loaded, naming the service file and the cause
     */
    public static Map<String, ModelProvider> providers() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, ModelProvider> found = new TreeMap<>();
        try {
            for (ModelProvider p : ServiceLoader.load(ModelProvider.class,
                    loader != null ? loader : ModelClients.class.getClassLoader())) {
                ModelProvider before = found.putIfAbsent(p.prefix(), p);
                if (before != null && before.getClass() != p.getClass()) {
                    throw new ConfigException(ClpConstants.MODEL + ": two providers claim the prefix '" + p.prefix()
                            + "': " + before.getClass().getName() + " and " + p.getClass().getName()
                            + "; remove one of them from the class path");
                }
            }
        } catch (java.util.ServiceConfigurationError e) {
            throw new ConfigException(ClpConstants.MODEL + ": a provider listed in META-INF/services/"
                    + ModelProvider.class.getName() + " cannot be loaded: " + e.getMessage());
        }
        return found;
    }

    /**
     * Loads the HTTP and SQLite classes (and SQLite's native library) on a background thread, so that they are
     * ready when the run starts instead of costing the first calls their time; discovery runs meanwhile.
     */
    public static void warmUp(ClpConfig config) {
        Thread t = new Thread(() -> {
            try {
                HttpJson.prepare(config.model().endpoint().map(e -> !e.strip().toLowerCase(java.util.Locale.ROOT)
                        .startsWith("http://")).orElse(true));
                if (!"off".equals(config.cache().mode())) {
                    SqliteNative.prepare();
                    Class.forName("org.sqlite.JDBC");
                    org.sqlite.SQLiteJDBCLoader.initialize();
                }
            } catch (Exception e) {
                // a warm-up only: the run loads what it needs itself and reports any failure there
            }
        }, "clp-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static BudgetedModelClient.Budget budget(ClpConfig.Budget b) {
        return new BudgetedModelClient.Budget(b.maxCalls(), b.maxTokens(), b.maxCost(), b.priceInputPerMTok(),
                b.priceOutputPerMTok());
    }

    private static ModelClient cached(ModelClient client, ClpConfig config, CallStats stats, ModelProvider provider,
            String model) {
        CachingModelClient.Mode mode = CachingModelClient.Mode.parse(config.cache().mode());
        if (mode == CachingModelClient.Mode.OFF) {
            return client;
        }
        try {
            boolean logprobs = provider.asksLogprobs(config, model);
            java.nio.file.Path file = config.cache().path();
            if (mode == CachingModelClient.Mode.REPLAY && !java.nio.file.Files.exists(file)) {
                throw new ConfigException(ClpConstants.CACHE_PATH + ": " + file + ": no such cache file; "
                        + ClpConstants.CACHE + "=replay answers only from recorded answers: run once with "
                        + ClpConstants.CACHE + "=read-write, or point " + ClpConstants.CACHE_PATH + " at the recorded file");
            }
            // read-only and replay never write: SQLite opens the file read-only (a read-only mount or file works)
            boolean readOnly = mode != CachingModelClient.Mode.READ_WRITE;
            return new CachingModelClient(client, ResponseCache.open(file, readOnly), mode, provider.prefix(),
                    provider.endpoint(config), model, stats, asked(config, provider, model, logprobs));
        } catch (ResponseCache.CacheException e) {
            throw new ConfigException(ClpConstants.CACHE_PATH + ": " + e.getMessage());
        }
    }

    private static ResponseCache.Asked asked(ClpConfig config, ModelProvider provider, String model, boolean logprobs) {
        return new ResponseCache.Asked(config.decoding().seed(), provider.apiVersion(config), logprobs);
    }

    /**
     * The response cache key of each request the configured model is asked, exactly as the cache layer of the client
     * {@link #create} builds computes it: what batch mode ({@code dev.clp.batch}) files its answers under, so that the
     * run then finds them.
     *
     * @throws ConfigException when the provider is unknown
     */
    public static java.util.function.Function<ChatRequest, String> cacheKey(ClpConfig config) {
        var spec = config.model().spec();
        ModelProvider provider = providers().get(spec.provider());
        if (provider == null) {
            throw new ConfigException(ClpConstants.MODEL + ": unsupported provider '" + spec.provider() + "' in '"
                    + spec + "'");
        }
        String endpoint = provider.endpoint(config);
        ResponseCache.Asked asked = asked(config, provider, spec.model(), provider.asksLogprobs(config, spec.model()));
        return request -> ResponseCache.key(provider.prefix(), endpoint, spec.model(), request, asked);
    }

    /** The API version a provider's client sends: Azure's {@code api-version}, Anthropic's {@code anthropic-version}. */
    public static String apiVersion(ClpConfig config, String provider) {
        ModelProvider p = providers().get(provider);
        return p == null ? "" : p.apiVersion(config);
    }

    private static ModelClient resilient(ModelClient http, ClpConfig config, CallStats stats) {
        ClpConfig.Limits limits = config.limits();
        Duration maxDelay = Duration.ofMillis(limits.retryMaxDelayMillis());
        return RetryingModelClient.resilient(http, limits.concurrency(), new RetryingModelClient.Policy(
                limits.retryMaxAttempts(), Duration.ofMillis(limits.retryBaseDelayMillis()), maxDelay), stats,
                d -> Thread.sleep(d.toMillis()));
    }
}
