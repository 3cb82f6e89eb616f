package dev.clp.config;

import org.apiguardian.api.API;

/**
 * Every configuration key of clp-harness, with its default. Keys are read from JUnit configuration
 * parameters ({@code -D}, {@code junit-platform.properties}, the launcher request) and, when absent
 * there, from the environment: {@code clp.gate.max-gap} is {@code CLP_GATE_MAX_GAP}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ClpConstants {

    private ClpConstants() {
    }

    /** The engine id: {@code [engine:clp]}. */
    public static final String ENGINE_ID = "clp";

    /**
     * The model under test, {@code <provider>:<model>}: {@code openai:gpt-4o-mini} or {@code sim:<profile>}.
     * Default: unset, which runs the offline simulator {@code sim:default} and labels every output
     * SIMULATED; with {@code CI=true} an unset model stops the run unless {@link #ALLOW_SIMULATED} is true.
     */
    public static final String MODEL = "clp.model";

    /** Base URL of an OpenAI-compatible server (vLLM, Ollama {@code /v1}, llama.cpp, ...). Default {@code https://api.openai.com/v1}. */
    public static final String ENDPOINT = "clp.endpoint";

    /**
     * Name of the environment variable holding the API key. Default {@code OPENAI_API_KEY} for {@code openai},
     * {@code ANTHROPIC_API_KEY} for {@code anthropic}, {@code AZURE_OPENAI_API_KEY} for {@code azure}.
     */
    public static final String API_KEY_ENV = "clp.api-key-env";

    /** Azure OpenAI {@code api-version} query parameter. Default {@value #AZURE_API_VERSION_DEFAULT}. */
    public static final String AZURE_API_VERSION = "clp.azure.api-version";
    public static final String AZURE_API_VERSION_DEFAULT = "2024-10-21";

    /** Anthropic {@code anthropic-version} header. Default {@code 2023-06-01}. */
    public static final String ANTHROPIC_VERSION = "clp.anthropic.version";

    /** Whether the engine writes Allure results: {@code on} (default) or {@code off}. */
    public static final String ALLURE = "clp.allure";

    /** Where Allure results go. Default {@value #ALLURE_RESULTS_DIR_DEFAULT}, where Allure's tools look. */
    public static final String ALLURE_RESULTS_DIR = "clp.allure.results-dir";
    public static final String ALLURE_RESULTS_DIR_DEFAULT = "target/allure-results";

    /**
     * {@code true} (default): a run replaces the results this engine wrote to the Allure results directory in earlier
     * runs: its files are named after the test and overwritten in place, and at the end the {@code clp-*} files of
     * tests this run did not have are deleted, so a report shows one run, not every run since the last clean; other
     * engines' files and {@code history/} are left alone. {@code false} keeps them (several runs in one report).
     */
    public static final String ALLURE_CLEAN = "clp.allure.clean";

    /**
     * Which pairs get an Allure result of their own. {@value #ALLURE_PAIRS_DEFAULT} (default): every pair that needs a
     * look (weak, known weak, unreadable, an error, not run) has its own, with both prompts and answers, and the pairs
     * that need none (consistent, not applicable) are folded into one passed result per suite and language that lists
     * their ids and lines, which keeps the report of thousands of pairs small; {@code all}: every pair has its own
     * (Allure's history per pair).
     */
    public static final String ALLURE_PAIRS = "clp.allure.pairs";
    public static final String ALLURE_PAIRS_DEFAULT = "needs-look";

    /**
     * With {@link #ALLURE_PAIRS}={@value #ALLURE_PAIRS_DEFAULT}: at most this many pairs of a suite and language keep an
     * Allure result of their own (new weak pairs first, then unreadable answers and errors, by line); the rest are one
     * failed result per suite and language listing their ids, lines, outcomes and chosen letters. Default
     * {@value #ALLURE_MAX_PAIRS_DEFAULT}; 0 = no cap. A language's gates and its failed results stay failed.
     */
    public static final String ALLURE_MAX_PAIRS = "clp.allure.max-pairs";
    public static final int ALLURE_MAX_PAIRS_DEFAULT = 100;

    /** Comma-separated BCP 47 tags to run; default: every language in the selected suites. */
    public static final String LANGUAGES = "clp.languages";

    /** Model calls in flight at once. Default {@value #CONCURRENCY_DEFAULT}, 1 to 1024. */
    public static final String CONCURRENCY = "clp.concurrency";
    public static final int CONCURRENCY_DEFAULT = 8;

    /** Samples per side (K). Default 1. */
    public static final String SAMPLES = "clp.samples";

    /** Decoding temperature. Default 0. */
    public static final String TEMPERATURE = "clp.temperature";

    /** Maximum tokens the model may produce per answer. Default {@value #MAX_TOKENS_DEFAULT}. */
    public static final String MAX_TOKENS = "clp.max-tokens";
    public static final int MAX_TOKENS_DEFAULT = 512;

    /**
     * How answers are asked for: {@code text} (default; the model answers in prose and the layered extractor
     * reads it) or {@code json} (structured output, {@code {"answer":"B"}}: OpenAI and OpenAI-compatible
     * {@code response_format} json_schema, Azure the same, Anthropic a forced tool call).
     */
    public static final String ANSWER_FORMAT = "clp.answer-format";

    /**
     * {@code true}: OpenAI-compatible and Azure requests ask for {@code logprobs} with {@code top_logprobs} 5 (free-text
     * answers, non-reasoning models), and {@code run.json} records per sample the probability of each option letter as
     * the answer's first token. Default {@code false}. Part of the cache key.
     */
    public static final String LOGPROBS = "clp.logprobs";

    /**
     * A second model, {@code <provider>:<model>}, asked to read only the answers the extractor could not
     * (never empty answers or refusals); counted separately in the usage. Default: none.
     */
    public static final String EXTRACTOR_FALLBACK = "clp.extractor.fallback";

    /** The fallback extractor's base URL; default: its provider's. */
    public static final String EXTRACTOR_FALLBACK_ENDPOINT = "clp.extractor.fallback.endpoint";

    /** The environment variable holding the fallback extractor's API key; default: its provider's. */
    public static final String EXTRACTOR_FALLBACK_API_KEY_ENV = "clp.extractor.fallback.api-key-env";

    /** A seed sent with each call (plus the sample index) where the provider supports it. Default: none. */
    public static final String SEED = "clp.seed";

    /** Per-call timeout in seconds. Default {@value #TIMEOUT_DEFAULT}. */
    public static final String TIMEOUT_SECONDS = "clp.timeout-seconds";
    public static final int TIMEOUT_DEFAULT = 120;

    /**
     * The largest HTTP response body read from a model endpoint, in bytes; a larger (or endless) body is a non-retried
     * error naming the endpoint, noticed while reading. Default {@value #HTTP_MAX_RESPONSE_BYTES_DEFAULT} (4 MiB): an
     * answer is a few kilobytes, and even {@code clp.max-tokens=16384} with {@code clp.logprobs} (five alternatives per
     * token, about 200 bytes each) stays under it, while at the maximum {@code clp.concurrency} of 1,024 the bodies
     * being read fit in 4 GiB at most.
     */
    public static final String HTTP_MAX_RESPONSE_BYTES = "clp.http.max-response-bytes";
    public static final int HTTP_MAX_RESPONSE_BYTES_DEFAULT = 4 * 1024 * 1024;

    /** Attempts per model call, the first included; retries only what may pass later. Default {@value #RETRY_ATTEMPTS_DEFAULT}. */
    public static final String RETRY_MAX_ATTEMPTS = "clp.retry.max-attempts";
    public static final int RETRY_ATTEMPTS_DEFAULT = 10;

    /** First retry delay in milliseconds, doubled per attempt with jitter. Default {@value #RETRY_BASE_DEFAULT}. */
    public static final String RETRY_BASE_DELAY_MS = "clp.retry.base-delay-ms";
    public static final int RETRY_BASE_DEFAULT = 500;

    /** Longest retry delay in milliseconds (a server's Retry-After is honoured up to this). Default {@value #RETRY_MAX_DEFAULT}. */
    public static final String RETRY_MAX_DELAY_MS = "clp.retry.max-delay-ms";
    public static final int RETRY_MAX_DEFAULT = 60_000;

    /**
     * The response cache: {@code read-write} (default), {@code read-only}, {@code replay} (never touches the
     * network; a miss is an error naming the pair; no API key needed) or {@code off}. The simulator is not cached.
     */
    public static final String CACHE = "clp.cache";

    /** The cache file. Default {@code $XDG_CACHE_HOME/clp-harness/responses.sqlite} or {@code ~/.cache/clp-harness/responses.sqlite}. */
    public static final String CACHE_PATH = "clp.cache.path";

    /** Most model calls the run may make (cache hits are free); 0: no limit. Pairs past it end as not run. */
    public static final String BUDGET_MAX_CALLS = "clp.budget.max-calls";

    /** Most tokens (in plus out) the run may use; 0: no limit. */
    public static final String BUDGET_MAX_TOKENS = "clp.budget.max-tokens";

    /** Most the run may cost in USD, from the prices below; 0: no limit. */
    public static final String BUDGET_MAX_COST = "clp.budget.max-cost";

    /** Price of input tokens in USD per million, for the cost ledger and {@link #BUDGET_MAX_COST}. Default 0 (unknown). */
    public static final String PRICE_INPUT = "clp.price.input-per-mtok";

    /** Price of output tokens in USD per million. Default 0 (unknown). */
    public static final String PRICE_OUTPUT = "clp.price.output-per-mtok";

    /**
     * What a token answered through a provider's batch API ({@code clp batch}) costs, as a fraction of the
     * {@code clp.price.*} list price, for the batch cost ledger; 0 to 1. Default
     * {@value #PRICE_BATCH_DISCOUNT_DEFAULT} (OpenAI's and Anthropic's batch price is half the list price).
     */
    public static final String PRICE_BATCH_DISCOUNT = "clp.price.batch-discount";
    public static final double PRICE_BATCH_DISCOUNT_DEFAULT = 0.5;

    /** Largest allowed English-minus-target accuracy gap, 0 to 1. Default {@value #MAX_GAP_DEFAULT}. */
    public static final String GATE_MAX_GAP = "clp.gate.max-gap";
    public static final double MAX_GAP_DEFAULT = 0.10;

    /**
     * Prefix of per-language gap thresholds: {@code clp.gate.max-gap.sw=0.15} (environment
     * {@code CLP_GATE_MAX_GAP_SW}) overrides {@link #GATE_MAX_GAP} for Swahili.
     */
    public static final String GATE_MAX_GAP_PREFIX = "clp.gate.max-gap.";

    /**
     * How much worse than the baseline the candidate's target accuracy may be before the regression gate
     * fails, 0 to 1. Default 0: with one sample per side the gate is then the exact one-sided McNemar test.
     */
    public static final String GATE_TOLERANCE = "clp.gate.tolerance";

    /** Family error rate of the run's blocking gates. Default {@value #ALPHA_DEFAULT}. */
    public static final String GATE_ALPHA = "clp.gate.alpha";
    public static final double ALPHA_DEFAULT = 0.01;

    /**
     * The share of a language's pairs that must have a readable answer on both sides, 0 to 1: errors, pairs not run
     * (budget) and unreadable answers count against it, and below it the language's coverage gate fails. 0 allows a
     * language with no data at all. Default {@value #MIN_ANSWERED_DEFAULT}.
     */
    public static final String GATE_MIN_ANSWERED = "clp.gate.min-answered";
    public static final double MIN_ANSWERED_DEFAULT = 0.90;

    /**
     * With a baseline, the share of a language's pairs the baseline must have an answered result for, 0 to 1; below
     * it (a baseline recorded on another suite version, or without this suite) the regression gate fails. Default
     * {@value #MIN_BASELINE_COVERAGE_DEFAULT}.
     */
    public static final String GATE_MIN_BASELINE_COVERAGE = "clp.gate.min-baseline-coverage";
    public static final double MIN_BASELINE_COVERAGE_DEFAULT = 0.90;

    /**
     * {@code true}: an INCONCLUSIVE gate on a suite too small to detect its threshold (its minimum detectable effect
     * beyond the threshold exceeds the allowed gap) only warns. Default false: it fails, saying so, because such a
     * suite cannot convict a model however bad it is.
     */
    public static final String GATE_ALLOW_UNDERPOWERED = "clp.gate.allow-underpowered";

    /** What an INCONCLUSIVE gate does: {@code warn} (default, passes with a report entry) or {@code fail}. */
    public static final String GATE_INCONCLUSIVE = "clp.gate.inconclusive";

    /** What fails the build: {@code gates} (default) or {@code pairs} (every weak pair fails). */
    public static final String FAIL_ON = "clp.fail-on";

    /**
     * A baseline file ({@code clp baseline record} writes one): known weak pairs are reported as known and a
     * regression gate per language compares the candidate with the baseline. Default: none.
     */
    public static final String BASELINE = "clp.baseline";

    /** Write the run's results to {@link #BASELINE} at the end of the run instead of comparing. Default false. */
    public static final String BASELINE_UPDATE = "clp.baseline.update";

    /** Where {@code run.json} and {@code gates.json} go. Default {@code target/clp}. */
    public static final String RESULTS_DIR = "clp.results.dir";

    /** Allow the simulator when {@code CI=true} and {@link #MODEL} is unset. Default false. */
    public static final String ALLOW_SIMULATED = "clp.allow-simulated";

    /**
     * Comma-separated directories searched for suites when a selector names a suite only by unique id
     * (IDE reruns). Default {@code suites,generated-suites/suites}.
     */
    public static final String SUITE_ROOTS = "clp.suites";

    /**
     * {@code i/n} (1 ≤ i ≤ n ≤ {@value #SHARD_COUNT_MAX}): run only shard i of n of every language, the pairs whose id
     * hashes to it (a stable hash of the pair id, so a shard keeps its pairs when others are added). A shard decides
     * no gate: its gap and regression gates are skipped as deferred to {@code clp merge}, which decides every gate over
     * all shards; its coverage gate fails only when the shard could not read its answers (an error, or no pair answered
     * readably on both sides). Default: unset, the whole run.
     */
    public static final String SHARD = "clp.shard";
    public static final int SHARD_COUNT_MAX = 1000;

    /** Whether the engine's console listener prints the summary table. Default true. */
    public static final String CONSOLE_SUMMARY = "clp.console.summary";

    /**
     * {@code true}: model calls start while the suites are still being read (each pair as soon as its line is read, at
     * most one prefetch window in all), instead of after discovery. Only for runs where every discovered pair is
     * executed: a tag or other post-discovery filter would have the model answer pairs that are then not run, and an
     * IDE that only lists tests would spend calls. Only when whole directories are selected. {@code clp run} sets it
     * when no {@code --include-tag} is given. Unless it is {@code true}, discovery starts no thread and no network I/O
     * (not even the warm-up that loads the HTTP and SQLite libraries).
     * Default {@code false}.
     */
    public static final String EAGER_START = "clp.eager-start";

    /**
     * How a run shows its progress on the standard error stream: {@code auto} (a redrawn line on a terminal, plain lines
     * elsewhere), {@code live}, {@code lines} or {@code off}. Default {@code auto}.
     */
    public static final String PROGRESS = "clp.progress";

    /** Seconds between progress lines off a terminal (0: a line per answered pair). Default {@code 10}. */
    public static final String PROGRESS_INTERVAL_SECONDS = "clp.progress.interval-seconds";

    /**
     * Prefix of system properties that the project's own test JVMs set ({@code clp.test.starter-suite},
     * {@code clp.test.dataset}); the engine reads none of them, and they are not reported as unknown keys.
     */
    public static final String TEST_PROPERTY_PREFIX = "clp.test.";

    /**
     * {@code CLP_*} environment variables that are not keys: read by the {@code clp} script ({@code CLP_JAVA_OPTS},
     * {@code CLP_CDS}), by the project's tests ({@code CLP_DATASET}, {@code CLP_CHROMIUM}) or recorded in reports
     * ({@code CLP_GIT_COMMIT}). Every other {@code CLP_*} variable must stand for a key.
     */
    public static final java.util.List<String> OTHER_ENVIRONMENT = java.util.List.of("CLP_JAVA_OPTS", "CLP_CDS",
            "CLP_DATASET", "CLP_CHROMIUM", "CLP_GIT_COMMIT");

    /**
     * Every key, for documentation checks, {@code clp run --help} and the unknown-key check: derived from the
     * {@code String} constants of this class whose value starts with {@code clp.} and does not end with a dot, so a
     * new constant is a known key without a second list to keep.
     */
    public static final java.util.List<String> ALL_KEYS = constants(false);

    /** Prefixes of open key families ({@code clp.gate.max-gap.<lang>}): the constants whose value ends with a dot. */
    public static final java.util.List<String> KEY_PREFIXES = constants(true);

    private static java.util.List<String> constants(boolean prefixes) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (java.lang.reflect.Field f : ClpConstants.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() != String.class || !java.lang.reflect.Modifier.isStatic(m)
                    || !java.lang.reflect.Modifier.isPublic(m)) {
                continue;
            }
            try {
                String value = (String) f.get(null);
                if (value.startsWith("clp.") && value.endsWith(".") == prefixes) {
                    keys.add(value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read ClpConstants." + f.getName(), e);
            }
        }
        return java.util.List.copyOf(keys);
    }

    /** The environment variable that stands for a key: {@code clp.gate.max-gap} is {@code CLP_GATE_MAX_GAP}. */
    public static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
