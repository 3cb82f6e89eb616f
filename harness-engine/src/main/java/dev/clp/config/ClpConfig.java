package dev.clp.config;

import static dev.clp.config.ClpConstants.ALLOW_SIMULATED;
import static dev.clp.config.ClpConstants.ALPHA_DEFAULT;
import static dev.clp.config.ClpConstants.API_KEY_ENV;
import static dev.clp.config.ClpConstants.CONCURRENCY;
import static dev.clp.config.ClpConstants.GATE_TOLERANCE;
import static dev.clp.config.ClpConstants.GATE_MAX_GAP_PREFIX;
import static dev.clp.config.ClpConstants.BASELINE_UPDATE;
import static dev.clp.config.ClpConstants.BASELINE;
import static dev.clp.config.ClpConstants.CONCURRENCY_DEFAULT;
import static dev.clp.config.ClpConstants.CONSOLE_SUMMARY;
import static dev.clp.config.ClpConstants.ENDPOINT;
import static dev.clp.config.ClpConstants.FAIL_ON;
import static dev.clp.config.ClpConstants.GATE_ALPHA;
import static dev.clp.config.ClpConstants.GATE_INCONCLUSIVE;
import static dev.clp.config.ClpConstants.GATE_MAX_GAP;
import static dev.clp.config.ClpConstants.LANGUAGES;
import static dev.clp.config.ClpConstants.MAX_GAP_DEFAULT;
import static dev.clp.config.ClpConstants.MAX_TOKENS;
import static dev.clp.config.ClpConstants.MAX_TOKENS_DEFAULT;
import static dev.clp.config.ClpConstants.MODEL;
import static dev.clp.config.ClpConstants.RESULTS_DIR;
import static dev.clp.config.ClpConstants.SAMPLES;
import static dev.clp.config.ClpConstants.SUITE_ROOTS;
import static dev.clp.config.ClpConstants.TEMPERATURE;
import static dev.clp.config.ClpConstants.TIMEOUT_DEFAULT;
import static dev.clp.config.ClpConstants.TIMEOUT_SECONDS;
import static dev.clp.config.ClpConstants.environmentName;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The run's configuration, built once from {@code clp.*} keys: by the engine from its configuration parameters and
 * the environment ({@link #from}), or in code through {@link #builder()}, which feeds the same keys to the same
 * parser. Invalid values fail with a {@link ConfigException} naming the key, the value and what is valid. Grouped as
 * the README's table is: the model and how to reach it, how it is asked, limits, budget, cache, gates and output.
 *
 * <p>An immutable value with no public constructor, so that a new key never breaks a caller.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClpConfig {

    private final ModelAccess model;
    private final Optional<ModelAccess> extractorFallback;
    private final Decoding decoding;
    private final Limits limits;
    private final Budget budget;
    private final Cache cache;
    private final Gates gates;
    private final Output output;
    private final Set<String> languages;
    private final List<Path> suiteRoots;
    private final boolean eagerStart;
    private final Optional<Shard> shard;

    private ClpConfig(ModelAccess model, Optional<ModelAccess> extractorFallback, Decoding decoding, Limits limits,
            Budget budget, Cache cache, Gates gates, Output output, Set<String> languages, List<Path> suiteRoots,
            boolean eagerStart, Optional<Shard> shard) {
        this.model = model;
        this.extractorFallback = extractorFallback;
        this.decoding = decoding;
        this.limits = limits;
        this.budget = budget;
        this.cache = cache;
        this.gates = gates;
        this.output = output;
        this.languages = languages;
        this.suiteRoots = suiteRoots;
        this.eagerStart = eagerStart;
        this.shard = shard;
    }

    /** The model under test ({@code clp.model}, {@code clp.endpoint} …). */
    public ModelAccess model() {
        return model;
    }

    /** The model that reads answers no pattern could ({@code clp.extractor.fallback*}). */
    public Optional<ModelAccess> extractorFallback() {
        return extractorFallback;
    }

    /** How each question is asked. */
    public Decoding decoding() {
        return decoding;
    }

    /** Calls in flight, timeouts, retries, response size. */
    public Limits limits() {
        return limits;
    }

    /** {@code clp.budget.*} and prices. */
    public Budget budget() {
        return budget;
    }

    /** The response cache. */
    public Cache cache() {
        return cache;
    }

    /** The gates and the baseline. */
    public Gates gates() {
        return gates;
    }

    /** Where results go and what is printed. */
    public Output output() {
        return output;
    }

    /** {@code clp.languages}; empty for every language of the suites. */
    public Set<String> languages() {
        return languages;
    }

    /** {@code clp.suites}. */
    public List<Path> suiteRoots() {
        return suiteRoots;
    }

    /** {@code clp.shard}: the slice of every language this run asks; empty for the whole run. */
    public Optional<Shard> shard() {
        return shard;
    }

    /** {@code clp.eager-start} as set; see {@link #startsEarly}. */
    public boolean eagerStart() {
        return eagerStart;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClpConfig c && model.equals(c.model) && extractorFallback.equals(c.extractorFallback)
                && decoding.equals(c.decoding) && limits.equals(c.limits) && budget.equals(c.budget)
                && cache.equals(c.cache) && gates.equals(c.gates) && output.equals(c.output)
                && languages.equals(c.languages) && suiteRoots.equals(c.suiteRoots) && eagerStart == c.eagerStart
                && shard.equals(c.shard);
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, extractorFallback, decoding, limits, budget, cache, gates, output, languages,
                suiteRoots, eagerStart, shard);
    }

    @Override
    public String toString() {
        return "ClpConfig[model=" + model + ", extractorFallback=" + extractorFallback + ", decoding=" + decoding
                + ", limits=" + limits + ", budget=" + budget + ", cache=" + cache + ", gates=" + gates + ", output="
                + output + ", languages=" + languages + ", suiteRoots=" + suiteRoots + ", eagerStart=" + eagerStart
                + ", shard=" + shard + "]";
    }

    /**
     * A builder of the configuration from {@code clp.*} keys. The process environment is read only when given with
     * {@link Builder#environment} (then keys set here win over it, as {@code -D} keys win over {@code CLP_*}
     * variables); {@link Builder#build} parses and checks the keys exactly as {@link #from} does.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** What makes the build fail. */
    public enum FailOn {
        /** Only blocking gates fail; weak pairs are reported, not failed. */
        GATES,
        /** Every weak pair fails (curated must-fix suites). */
        PAIRS
    }

    /**
     * A model and how to reach it.
     *
     * @param spec {@code <provider>:<model>}
     * @param simulatedByDefault no model was named, so the offline simulator stands in
     * @param endpoint the base URL, when not the provider's
     * @param apiKeyEnv the environment variable holding the key, when not the provider's default
     */
    public record ModelAccess(ModelSpec spec, boolean simulatedByDefault, Optional<String> endpoint,
            Optional<String> apiKeyEnv, String azureApiVersion, String anthropicVersion) {

        /** Whether this is the simulator. */
        public boolean simulated() {
            return spec.simulated();
        }
    }

    /** How each question is asked: {@code clp.samples}, {@code clp.temperature}, {@code clp.max-tokens} … */
    public record Decoding(int samples, double temperature, int maxTokens, boolean structuredAnswers, boolean logprobs,
            Optional<Long> seed) {
    }

    /** Calls in flight, per-call timeout, retries and the largest response body ({@code clp.http.max-response-bytes}). */
    public record Limits(int concurrency, int timeoutSeconds, int retryMaxAttempts, int retryBaseDelayMillis,
            int retryMaxDelayMillis, int maxResponseBytes) {
    }

    /** {@code clp.budget.*} (0: no limit) and the price table the cost is computed with. */
    public record Budget(long maxCalls, long maxTokens, double maxCost, double priceInputPerMTok,
            double priceOutputPerMTok) {
    }

    /** {@code clp.cache} mode ({@code read-write}, {@code read-only}, {@code replay}, {@code off}) and file. */
    public record Cache(String mode, Path path) {
    }

    /**
     * The gates: allowed gap (run-wide and per language), regression tolerance, α, what fails the build, and the
     * baseline the regression gate compares with.
     */
    public record Gates(double maxGap, Map<String, Double> maxGapByLanguage, double tolerance, double alpha,
            boolean inconclusiveFails, FailOn failOn, Optional<Path> baseline, boolean baselineUpdate,
            double minAnswered, double minBaselineCoverage, boolean allowUnderpowered) {

        /** The allowed gap for a language: {@code clp.gate.max-gap.<lang>} or {@code clp.gate.max-gap}. */
        public double maxGap(String lang) {
            return maxGapByLanguage.getOrDefault(lang, maxGap);
        }
    }

    /**
     * {@code clp.shard=i/n}: this run asks shard {@code index} of {@code count} of every language.
     *
     * @param index 1 to {@code count}
     * @param count 1 to {@value ClpConstants#SHARD_COUNT_MAX}
     */
    public record Shard(int index, int count) {

        public Shard {
            if (count < 1 || count > ClpConstants.SHARD_COUNT_MAX || index < 1 || index > count) {
                throw new ConfigException(ClpConstants.SHARD + ": expected i/n with 1 ≤ i ≤ n ≤ "
                        + ClpConstants.SHARD_COUNT_MAX + " (e.g. 2/3), found '" + index + "/" + count + "'");
            }
        }

        static Shard parse(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{1,9})").matcher(value);
            if (!m.matches()) {
                throw new ConfigException(ClpConstants.SHARD + ": expected i/n with 1 ≤ i ≤ n ≤ "
                        + ClpConstants.SHARD_COUNT_MAX + " (e.g. 2/3), found '" + value + "' (set with -D"
                        + ClpConstants.SHARD + "=…, in junit-platform.properties, or as "
                        + environmentName(ClpConstants.SHARD) + ")");
            }
            return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }

        /**
         * The shard (1 to {@code count}) a pair belongs to: the first 8 bytes of the SHA-256 of its id, unsigned,
         * modulo {@code count}, plus one. It depends on the pair's id alone, never on its position or on the other
         * pairs, so adding pairs or languages moves no pair to another shard.
         */
        public static int of(String pairId, int count) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(pairId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                long h = java.nio.ByteBuffer.wrap(d, 0, 8).getLong();
                return (int) Long.remainderUnsigned(h, count) + 1;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by every Java platform", e);
            }
        }

        /** Whether this shard asks the pair. */
        public boolean includes(String pairId) {
            return of(pairId, count) == index;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /**
     * Where results go and what is printed.
     *
     * @param allureResultsDir empty with {@code clp.allure=off}
     * @param allureClean {@code clp.allure.clean}
     * @param allureAllPairs {@code clp.allure.pairs=all}: every pair has an Allure result of its own
     * @param allureMaxPairs {@code clp.allure.max-pairs}: results of their own per suite and language, 0 = no cap
     */
    public record Output(Path resultsDir, Optional<Path> allureResultsDir, boolean allureClean,
            boolean allureAllPairs, boolean consoleSummary, int allureMaxPairs) {
    }

    /**
     * Builds the configuration.
     *
     * @param parameters JUnit configuration parameters (or the CLI's {@code -D} values)
     * @param environment the process environment
     */
    public static ClpConfig from(Function<String, Optional<String>> parameters, Map<String, String> environment) {
        return from(parameters, Set.of(), environment);
    }

    /**
     * Builds the configuration.
     *
     * @param parameterKeys the keys present in {@code parameters}, to find per-language keys such as
     *     {@code clp.gate.max-gap.sw}
     */
    public static ClpConfig from(Function<String, Optional<String>> parameters, Set<String> parameterKeys,
            Map<String, String> environment) {
        Reader r = new Reader(parameters, environment);
        boolean allowSimulated = r.bool(ALLOW_SIMULATED, false);
        Optional<String> modelValue = r.get(MODEL);
        ModelSpec model;
        boolean simulatedByDefault = false;
        if (modelValue.isEmpty()) {
            if ("true".equalsIgnoreCase(environment.getOrDefault("CI", "")) && !allowSimulated) {
                throw new ConfigException(MODEL + " is not set and CI=true: a release gate must name the model "
                        + "under test, or a missing secret would pass it. Set " + MODEL + " (or the environment "
                        + "variable CLP_MODEL) to <provider>:<model>, or set " + ALLOW_SIMULATED
                        + "=true to run the offline simulator on purpose.");
            }
            model = ModelSpec.parse("sim:default", MODEL);
            simulatedByDefault = true;
        } else {
            model = ModelSpec.parse(modelValue.get(), MODEL);
        }
        String azureApiVersion = r.get(ClpConstants.AZURE_API_VERSION).orElse(ClpConstants.AZURE_API_VERSION_DEFAULT);
        String anthropicVersion = r.get(ClpConstants.ANTHROPIC_VERSION).orElse("2023-06-01");
        ModelAccess access = new ModelAccess(model, simulatedByDefault, r.get(ENDPOINT), r.get(API_KEY_ENV),
                azureApiVersion, anthropicVersion);
        Optional<ModelAccess> fallback = r.get(ClpConstants.EXTRACTOR_FALLBACK).map(v -> new ModelAccess(
                ModelSpec.parse(v, ClpConstants.EXTRACTOR_FALLBACK), false,
                r.get(ClpConstants.EXTRACTOR_FALLBACK_ENDPOINT), r.get(ClpConstants.EXTRACTOR_FALLBACK_API_KEY_ENV),
                azureApiVersion, anthropicVersion));
        Set<String> languages = new LinkedHashSet<>();
        r.get(LANGUAGES).ifPresent(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).forEach(languages::add));
        if (r.get(ClpConstants.SHARD).isPresent() && r.bool(BASELINE_UPDATE, false)) {
            throw new ConfigException(BASELINE_UPDATE + "=true with " + ClpConstants.SHARD + "=" + r.get(ClpConstants.SHARD)
                    .get() + ": a baseline is recorded from a whole run; record it from the run.json clp merge writes "
                    + "(clp baseline record)");
        }
        List<Path> roots = Arrays.stream(r.get(SUITE_ROOTS).orElse("suites,generated-suites/suites").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        return new ClpConfig(access, fallback, decoding(r), limits(r), budget(r),
                new Cache(r.choice(ClpConstants.CACHE, "read-write", "read-write", "read-only", "replay", "off"),
                        r.get(ClpConstants.CACHE_PATH).map(Path::of).orElseGet(() -> defaultCachePath(environment))),
                gates(r, parameterKeys, environment), output(r), Set.copyOf(languages), roots,
                r.bool(ClpConstants.EAGER_START, false), r.get(ClpConstants.SHARD).map(Shard::parse));
    }

    private static Decoding decoding(Reader r) {
        return new Decoding(r.integer(SAMPLES, 1, 1, 100),
                r.decimal(TEMPERATURE, 0.0, 0.0, 2.0),
                r.integer(MAX_TOKENS, MAX_TOKENS_DEFAULT, 1, 1_000_000),
                "json".equals(r.choice(ClpConstants.ANSWER_FORMAT, "text", "text", "json")),
                r.bool(ClpConstants.LOGPROBS, false),
                r.get(ClpConstants.SEED).map(v -> {
                    try {
                        return Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new ConfigException(ClpConstants.SEED + ": expected a whole number, found '" + v + "'");
                    }
                }));
    }

    private static Limits limits(Reader r) {
        return new Limits(r.integer(CONCURRENCY, CONCURRENCY_DEFAULT, 1, 1024),
                r.integer(TIMEOUT_SECONDS, TIMEOUT_DEFAULT, 1, 86_400),
                r.integer(ClpConstants.RETRY_MAX_ATTEMPTS, ClpConstants.RETRY_ATTEMPTS_DEFAULT, 1, 100),
                r.integer(ClpConstants.RETRY_BASE_DELAY_MS, ClpConstants.RETRY_BASE_DEFAULT, 0, 3_600_000),
                r.integer(ClpConstants.RETRY_MAX_DELAY_MS, ClpConstants.RETRY_MAX_DEFAULT, 0, 3_600_000),
                r.integer(ClpConstants.HTTP_MAX_RESPONSE_BYTES, ClpConstants.HTTP_MAX_RESPONSE_BYTES_DEFAULT, 1024,
                        Integer.MAX_VALUE));
    }

    private static Budget budget(Reader r) {
        Budget b = new Budget(r.integer(ClpConstants.BUDGET_MAX_CALLS, 0, 0, Integer.MAX_VALUE),
                r.integer(ClpConstants.BUDGET_MAX_TOKENS, 0, 0, Integer.MAX_VALUE),
                r.decimal(ClpConstants.BUDGET_MAX_COST, 0.0, 0.0, 1e9),
                r.decimal(ClpConstants.PRICE_INPUT, 0.0, 0.0, 1e6),
                r.decimal(ClpConstants.PRICE_OUTPUT, 0.0, 0.0, 1e6));
        if (b.maxCost() > 0 && b.priceInputPerMTok() == 0 && b.priceOutputPerMTok() == 0) {
            // a budget that cannot be counted must not look like one that holds
            throw new ConfigException(ClpConstants.BUDGET_MAX_COST + ": set to " + b.maxCost() + " USD, but "
                    + ClpConstants.PRICE_INPUT + " and " + ClpConstants.PRICE_OUTPUT + " are not, so no call has a "
                    + "cost and the budget could never stop the run; set the model's prices (USD per million tokens) "
                    + "or limit " + ClpConstants.BUDGET_MAX_TOKENS + " or " + ClpConstants.BUDGET_MAX_CALLS + " instead");
        }
        return b;
    }

    private static Gates gates(Reader r, Set<String> parameterKeys, Map<String, String> environment) {
        String failOn = r.choice(FAIL_ON, "gates", "gates", "pairs");
        String inconclusive = r.choice(GATE_INCONCLUSIVE, "warn", "warn", "fail");
        Map<String, Double> maxGapByLanguage = new java.util.TreeMap<>();
        String envPrefix = environmentName(GATE_MAX_GAP_PREFIX);
        environment.keySet().stream().filter(k -> k.startsWith(envPrefix) && k.length() > envPrefix.length())
                .forEach(k -> maxGapByLanguage.put(k.substring(envPrefix.length()).toLowerCase(Locale.ROOT).replace('_', '-'),
                        r.decimal(GATE_MAX_GAP_PREFIX + k.substring(envPrefix.length()).toLowerCase(Locale.ROOT)
                                .replace('_', '-'), MAX_GAP_DEFAULT, 0.0, 1.0)));
        parameterKeys.stream().filter(k -> k.startsWith(GATE_MAX_GAP_PREFIX) && k.length() > GATE_MAX_GAP_PREFIX.length())
                .forEach(k -> maxGapByLanguage.put(k.substring(GATE_MAX_GAP_PREFIX.length()),
                        r.decimal(k, MAX_GAP_DEFAULT, 0.0, 1.0)));
        Optional<Path> baseline = r.get(BASELINE).map(Path::of);
        boolean baselineUpdate = r.bool(BASELINE_UPDATE, false);
        if (baselineUpdate && baseline.isEmpty()) {
            throw new ConfigException(BASELINE_UPDATE + "=true needs " + BASELINE + "=<file> to write the baseline to");
        }
        return new Gates(r.decimal(GATE_MAX_GAP, MAX_GAP_DEFAULT, 0.0, 1.0), Map.copyOf(maxGapByLanguage),
                r.decimal(GATE_TOLERANCE, 0.0, 0.0, 1.0), r.decimalOpen(GATE_ALPHA, ALPHA_DEFAULT),
                "fail".equals(inconclusive), "pairs".equals(failOn) ? FailOn.PAIRS : FailOn.GATES, baseline,
                baselineUpdate, r.decimal(ClpConstants.GATE_MIN_ANSWERED, ClpConstants.MIN_ANSWERED_DEFAULT, 0.0, 1.0),
                r.decimal(ClpConstants.GATE_MIN_BASELINE_COVERAGE, ClpConstants.MIN_BASELINE_COVERAGE_DEFAULT, 0.0, 1.0),
                r.bool(ClpConstants.GATE_ALLOW_UNDERPOWERED, false));
    }

    private static Output output(Reader r) {
        return new Output(Path.of(r.get(RESULTS_DIR).orElse("target/clp")),
                "on".equals(r.choice(ClpConstants.ALLURE, "on", "on", "off"))
                        ? Optional.of(Path.of(r.get(ClpConstants.ALLURE_RESULTS_DIR)
                                .orElse(ClpConstants.ALLURE_RESULTS_DIR_DEFAULT)))
                        : Optional.empty(),
                r.bool(ClpConstants.ALLURE_CLEAN, true),
                "all".equals(r.choice(ClpConstants.ALLURE_PAIRS, ClpConstants.ALLURE_PAIRS_DEFAULT,
                        ClpConstants.ALLURE_PAIRS_DEFAULT, "all")),
                r.bool(CONSOLE_SUMMARY, true),
                r.integer(ClpConstants.ALLURE_MAX_PAIRS, ClpConstants.ALLURE_MAX_PAIRS_DEFAULT, 0, Integer.MAX_VALUE));
    }

    private static Path defaultCachePath(Map<String, String> environment) {
        return userCacheDir(environment).resolve("responses.sqlite");
    }

    /** This tool's directory in the user's cache: {@code $XDG_CACHE_HOME/clp-harness} or {@code ~/.cache/clp-harness}. */
    public static Path userCacheDir(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("clp-harness");
    }

    /**
     * The configuration the fallback extractor's client is built from: its model, endpoint and key variable,
     * free-text answers at temperature 0, one sample; limits, retries, cache and budgets as the run's.
     */
    public ClpConfig forExtractorFallback() {
        ModelAccess fallback = extractorFallback.orElseThrow(() -> new IllegalStateException("no fallback extractor"));
        Decoding freeText = new Decoding(1, 0.0, 64, false, false, decoding.seed());
        return new ClpConfig(fallback, Optional.empty(), freeText, limits, budget, cache, gates, output, languages,
                suiteRoots, false, shard);
    }

    /** Whether the model under test is the simulator. */
    public boolean simulated() {
        return model.simulated();
    }

    /**
     * Whether model calls may start while the suites are still read ({@code clp.eager-start}): only with a model and a
     * fallback extractor behind HTTP (the in-process simulator answers from the discovered pairs, all of them).
     */
    public boolean startsEarly() {
        return eagerStart && !simulated() && extractorFallback.map(f -> !f.simulated()).orElse(true);
    }

    /** Whether a language takes part in this run. */
    public boolean includesLanguage(String tag) {
        return languages.isEmpty() || languages.contains(tag);
    }

    /**
     * Collects {@code clp.*} keys for {@link ClpConfig#builder()}: typed setters for the common keys, {@link #set} for
     * any key. A key set twice keeps the last value. Values are checked by {@link #build}, with the messages
     * {@link ClpConfig#from} gives; a key that is no key of clp-harness is refused at once.
     */
    public static final class Builder {
        private final Map<String, String> keys = new java.util.LinkedHashMap<>();
        private Map<String, String> environment = Map.of();

        private Builder() {
        }

        /**
         * Sets any {@code clp.*} key, as {@code -Dkey=value} would.
         *
         * @throws IllegalArgumentException for a key outside {@code clp.*}
         * @throws ConfigException for a {@code clp.*} key that clp-harness does not know, naming the closest one
         */
        public Builder set(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, () -> "value of " + key);
            if (!key.startsWith("clp.")) {
                throw new IllegalArgumentException(key + ": not a clp.* key (the keys are in ClpConstants)");
            }
            List<String> unknown = UnknownKeys.find(Set.of(key), Map.of());
            if (!unknown.isEmpty()) {
                throw new ConfigException(unknown.get(0));
            }
            keys.put(key, value);
            return this;
        }

        /** The process environment ({@code CLP_*} variables, {@code CI}) to read after the keys; none by default. */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /** {@code clp.model}: {@code <provider>:<model>}. */
        public Builder model(String spec) {
            return set(MODEL, spec);
        }

        /** {@code clp.endpoint}: the model's base URL. */
        public Builder endpoint(String url) {
            return set(ENDPOINT, url);
        }

        /** {@code clp.api-key-env}: the environment variable holding the model's key. */
        public Builder apiKeyEnv(String variable) {
            return set(API_KEY_ENV, variable);
        }

        /** {@code clp.cache}: {@code read-write}, {@code read-only}, {@code replay} or {@code off}. */
        public Builder cache(String mode) {
            return set(ClpConstants.CACHE, mode);
        }

        /** {@code clp.cache.path}: the response cache's file. */
        public Builder cachePath(Path file) {
            return set(ClpConstants.CACHE_PATH, file.toString());
        }

        /** {@code clp.concurrency}: model calls in flight. */
        public Builder concurrency(int calls) {
            return set(CONCURRENCY, Integer.toString(calls));
        }

        /** {@code clp.samples}: answers asked per question and language. */
        public Builder samples(int n) {
            return set(SAMPLES, Integer.toString(n));
        }

        /** {@code clp.temperature}. */
        public Builder temperature(double t) {
            return set(TEMPERATURE, Double.toString(t));
        }

        /** {@code clp.gate.max-gap}: the allowed accuracy gap. */
        public Builder maxGap(double gap) {
            return set(GATE_MAX_GAP, Double.toString(gap));
        }

        /** {@code clp.gate.max-gap.<lang>}: the allowed gap of one language. */
        public Builder maxGap(String lang, double gap) {
            return set(GATE_MAX_GAP_PREFIX + lang, Double.toString(gap));
        }

        /** {@code clp.languages}: the languages to run (all of the suites' when not set). */
        public Builder languages(String... tags) {
            return set(LANGUAGES, String.join(",", tags));
        }

        /** {@code clp.suites}: the suite roots. */
        public Builder suites(Path... roots) {
            return set(SUITE_ROOTS, String.join(",", Arrays.stream(roots).map(Path::toString).toList()));
        }

        /** {@code clp.results.dir}: where run.json and the reports go. */
        public Builder resultsDir(Path dir) {
            return set(RESULTS_DIR, dir.toString());
        }

        /** {@code clp.allure}: Allure results on or off. */
        public Builder allure(boolean on) {
            return set(ClpConstants.ALLURE, on ? "on" : "off");
        }

        /** {@code clp.baseline}: the baseline file of the regression gate. */
        public Builder baseline(Path file) {
            return set(BASELINE, file.toString());
        }

        /** {@code clp.allow-simulated}: the simulator may stand in for an unset model under {@code CI=true}. */
        public Builder allowSimulated(boolean allowed) {
            return set(ALLOW_SIMULATED, Boolean.toString(allowed));
        }

        /** {@code clp.eager-start}: model calls may start while the suites are read. */
        public Builder eagerStart(boolean eager) {
            return set(ClpConstants.EAGER_START, Boolean.toString(eager));
        }

        /**
         * The configuration of the keys set and the environment given.
         *
         * @throws ConfigException naming the key, the value and what is valid, as {@link ClpConfig#from} does
         */
        public ClpConfig build() {
            Map<String, String> set = Map.copyOf(keys);
            return from(k -> Optional.ofNullable(set.get(k)), set.keySet(), environment);
        }
    }

    private static final class Reader {
        private final Function<String, Optional<String>> parameters;
        private final Map<String, String> environment;

        Reader(Function<String, Optional<String>> parameters, Map<String, String> environment) {
            this.parameters = parameters;
            this.environment = environment;
        }

        Optional<String> get(String key) {
            Optional<String> v = parameters.apply(key).map(String::trim).filter(s -> !s.isEmpty());
            if (v.isPresent()) {
                return v;
            }
            return Optional.ofNullable(environment.get(environmentName(key))).map(String::trim)
                    .filter(s -> !s.isEmpty());
        }

        private ConfigException invalid(String key, String value, String expected) {
            return new ConfigException(key + ": expected " + expected + ", found '" + value + "'"
                    + " (set with -D" + key + "=…, in junit-platform.properties, or as " + environmentName(key) + ")");
        }

        int integer(String key, int def, int min, int max) {
            Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            try {
                int i = Integer.parseInt(v.get());
                if (i < min || i > max) {
                    throw invalid(key, v.get(), "a whole number from " + min + " to " + max);
                }
                return i;
            } catch (NumberFormatException e) {
                throw invalid(key, v.get(), "a whole number from " + min + " to " + max);
            }
        }

        double decimal(String key, double def, double min, double max) {
            Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            try {
                double d = Double.parseDouble(v.get());
                if (!(d >= min && d <= max)) {
                    throw invalid(key, v.get(), "a number from " + min + " to " + max);
                }
                return d;
            } catch (NumberFormatException e) {
                throw invalid(key, v.get(), "a number from " + min + " to " + max);
            }
        }

        double decimalOpen(String key, double def) {
            Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            try {
                double d = Double.parseDouble(v.get());
                if (!(d > 0 && d < 1)) {
                    throw invalid(key, v.get(), "a number strictly between 0 and 1");
                }
                return d;
            } catch (NumberFormatException e) {
                throw invalid(key, v.get(), "a number strictly between 0 and 1");
            }
        }

        boolean bool(String key, boolean def) {
            Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            return switch (v.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(key, v.get(), "true or false");
            };
        }

        String choice(String key, String def, String... allowed) {
            Optional<String> v = get(key);
            if (v.isEmpty()) {
                return def;
            }
            String value = v.get().toLowerCase(Locale.ROOT);
            if (!Arrays.asList(allowed).contains(value)) {
                throw invalid(key, v.get(), "one of " + String.join(", ", allowed));
            }
            return value;
        }
    }
}
