package dev.clp.model;

import dev.clp.config.ClpConfig;
import dev.clp.config.ClpConstants;
import dev.clp.config.ConfigException;
import java.time.Duration;
import java.util.Map;

/** Builds the configured {@link ModelClient}. */
public final class ModelClients {

    /** The default base URL of provider {@code openai}. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    private ModelClients() {
    }

    /**
     * Creates the model client for a run.
     *
     * @param key what the simulator may know; ignored by real providers
     * @throws ConfigException naming the key or environment variable when something needed is missing
     */
    public static ModelClient create(ClpConfig config, Map<String, String> environment, AnswerKey key) {
        return create(config, environment, key, new CallStats());
    }

    /**
     * Creates the model client for a run, counting into {@code stats}. HTTP providers are layered as
     * retry ► circuit check ► adaptive concurrency ► HTTP: every attempt takes a slot, and a retry waits without holding
     * one; a refused key or an endpoint that never answered stops the calls not yet sent ({@link Circuit}).
     */
    public static ModelClient create(ClpConfig config, Map<String, String> environment, AnswerKey key,
            CallStats stats) {
        var spec = config.model().spec();
        switch (spec.provider()) {
            case "sim" -> {
                try {
                    return new SimulatedModel(SimProfile.named(spec.model()), key);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(ClpConstants.MODEL + ": " + e.getMessage());
                }
            }
            case "openai", "anthropic", "azure" -> {
                return http(spec.provider(), spec.model(), config, environment, stats);
            }
            default -> throw new ConfigException(ClpConstants.MODEL + ": unsupported provider " + spec.provider());
        }
    }

    private static ModelClient http(String provider, String model, ClpConfig config, Map<String, String> environment,
            CallStats stats) {
        String defaultKeyEnv = switch (provider) {
            case "anthropic" -> "ANTHROPIC_API_KEY";
            case "azure" -> "AZURE_OPENAI_API_KEY";
            default -> "OPENAI_API_KEY";
        };
        String base = switch (provider) {
            case "anthropic" -> config.model().endpoint().orElse(AnthropicMessagesClient.BASE_URL);
            case "azure" -> config.model().endpoint().orElseThrow(() -> new ConfigException(ClpConstants.ENDPOINT
                    + ": required for azure, e.g. https://<resource>.openai.azure.com (the deployment is clp.model)"));
            default -> config.model().endpoint().orElse(OPENAI_BASE_URL);
        };
        String keyEnv = config.model().apiKeyEnv().orElse(defaultKeyEnv);
        String apiKey = environment.get(keyEnv);
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        boolean replay = "replay".equals(config.cache().mode());
        boolean hosted = !"openai".equals(provider) || base.startsWith(OPENAI_BASE_URL);
        if (apiKey == null && !replay && (hosted || config.model().apiKeyEnv().isPresent())) {
            throw new ConfigException("the environment variable " + keyEnv + " is not set; it must hold the API key "
                    + "for " + SafeText.url(base) + " (choose another variable with " + ClpConstants.API_KEY_ENV + ")");
        }
        Duration timeout = Duration.ofSeconds(config.limits().timeoutSeconds());
        Long seed = config.decoding().seed().orElse(null);
        long maxBytes = config.limits().maxResponseBytes();
        ModelClient client;
        try {
            client = switch (provider) {
                case "anthropic" -> new AnthropicMessagesClient(base, model, apiKey, keyEnv,
                        config.model().anthropicVersion(), timeout, stats).withMaxResponseBytes(maxBytes);
                case "azure" -> OpenAiChatClient.azure(base, model, config.model().azureApiVersion(), apiKey, keyEnv,
                        timeout, stats, seed).withLogprobs(config.decoding().logprobs()).withMaxResponseBytes(maxBytes);
                default -> new OpenAiChatClient(base, model, apiKey, keyEnv, timeout, stats, seed)
                        .withLogprobs(config.decoding().logprobs()).withMaxResponseBytes(maxBytes);
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(ClpConstants.ENDPOINT + ": " + e.getMessage());
        }
        BudgetedModelClient budgeted = new BudgetedModelClient(resilient(client, config, stats),
                budget(config.budget()));
        stats.ledger(budgeted);
        return cached(budgeted, config, stats, provider, base, model);
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

    private static ModelClient cached(ModelClient client, ClpConfig config, CallStats stats, String provider,
            String endpoint, String model) {
        CachingModelClient.Mode mode = CachingModelClient.Mode.parse(config.cache().mode());
        if (mode == CachingModelClient.Mode.OFF) {
            return client;
        }
        try {
            boolean logprobs = config.decoding().logprobs() && !"anthropic".equals(provider)
                    && !OpenAiChatClient.reasoningModel(model);
            java.nio.file.Path file = config.cache().path();
            if (mode == CachingModelClient.Mode.REPLAY && !java.nio.file.Files.exists(file)) {
                throw new ConfigException(ClpConstants.CACHE_PATH + ": " + file + ": no such cache file; "
                        + ClpConstants.CACHE + "=replay answers only from recorded answers: run once with "
                        + ClpConstants.CACHE + "=read-write, or point " + ClpConstants.CACHE_PATH + " at the recorded file");
            }
            // read-only and replay never write: SQLite opens the file read-only (a read-only mount or file works)
            boolean readOnly = mode != CachingModelClient.Mode.READ_WRITE;
            return new CachingModelClient(client, ResponseCache.open(file, readOnly), mode, provider, endpoint,
                    model, stats, new ResponseCache.Asked(config.decoding().seed(), apiVersion(config, provider), logprobs));
        } catch (ResponseCache.CacheException e) {
            throw new ConfigException(ClpConstants.CACHE_PATH + ": " + e.getMessage());
        }
    }

    /** The API version a provider's client sends: Azure's {@code api-version}, Anthropic's {@code anthropic-version}. */
    public static String apiVersion(ClpConfig config, String provider) {
        return switch (provider) {
            case "azure" -> config.model().azureApiVersion();
            case "anthropic" -> config.model().anthropicVersion();
            default -> "";
        };
    }

    private static ModelClient resilient(ModelClient http, ClpConfig config, CallStats stats) {
        ClpConfig.Limits limits = config.limits();
        Duration maxDelay = Duration.ofMillis(limits.retryMaxDelayMillis());
        return RetryingModelClient.resilient(http, limits.concurrency(), new RetryingModelClient.Policy(
                limits.retryMaxAttempts(), Duration.ofMillis(limits.retryBaseDelayMillis()), maxDelay), stats,
                d -> Thread.sleep(d.toMillis()));
    }
}
