package dev.clp.model;

import dev.clp.model.internal.BudgetedModelClient;
import dev.clp.model.internal.ResponseCache;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Counters of a run's model calls, shared by the layers; thread-safe. A provider counts into it through
 * {@link #call()}, {@link #answered()}, {@link #tokens(int, int)} and {@link #fingerprint(String)} (an {@code HttpJson}
 * client counts calls itself); the other mutators belong to the layers in {@code dev.clp.model.internal}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CallStats {

    private final AtomicLong calls = new AtomicLong();
    /** {@link System#nanoTime} when the first call was sent and the latest answer came back; 0 before any. */
    private final AtomicLong firstSentNanos = new AtomicLong();
    private final AtomicLong lastAnsweredNanos = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong limitCuts = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();
    private final AtomicLong batchHits = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final Map<String, Long> retriesByCause = new TreeMap<>();
    /** The distinct {@code system_fingerprint} values answers carried, at most {@link #MAX_FINGERPRINTS}. */
    private final java.util.Set<String> fingerprints = new java.util.concurrent.ConcurrentSkipListSet<>();
    private volatile java.util.function.Predicate<String> simulatedFingerprint = f -> false;
    /** Why the model's remaining calls were not sent, the first reason only; null while calls are sent. */
    private final java.util.concurrent.atomic.AtomicReference<String> stopped =
            new java.util.concurrent.atomic.AtomicReference<>();
    private volatile BudgetedModelClient ledger;

    private volatile ResponseCache cache;

    /** The response cache answers are counted from (its warning is reported; {@code CachingModelClient}). */
    public void cache(ResponseCache responses) {
        this.cache = responses;
    }

    /** Why the response cache keeps answers in memory instead of its file (naming the file), or empty. */
    public java.util.Optional<String> cacheWarning() {
        ResponseCache c = cache;
        return c == null ? java.util.Optional.empty() : c.warning();
    }

    /** The budget layer whose ledger the run reports ({@code ModelClients}). */
    public void ledger(BudgetedModelClient budgeted) {
        this.ledger = budgeted;
    }

    /** The budget layer's usage ledger, when the model is called over HTTP; null for the in-process simulator. */
    public BudgetedModelClient ledger() {
        return ledger;
    }

    /** How many distinct fingerprints are kept: a server that sends a new one with every answer cannot fill memory. */
    public static final int MAX_FINGERPRINTS = 16;

    /**
     * An answer carried this {@code system_fingerprint} (OpenAI's identifier of the backend configuration that
     * produced it; it changes when the model's serving stack does). Untrusted server text: kept only when it is a
     * short printable token.
     */
    public void fingerprint(String systemFingerprint) {
        if (systemFingerprint != null && fingerprints.size() < MAX_FINGERPRINTS
                && systemFingerprint.matches("[\\x21-\\x7e]{1,100}")) {
            fingerprints.add(systemFingerprint);
        }
    }

    /** The distinct {@code system_fingerprint} values the run's answers carried, sorted (for reproducibility). */
    public java.util.SortedSet<String> fingerprints() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(fingerprints));
    }

    /** Which fingerprints mark a stand-in's answers (the providers' {@code simulatedFingerprint}), set when built. */
    void simulatedWhen(java.util.function.Predicate<String> isSimulated) {
        this.simulatedFingerprint = isSimulated;
    }

    /**
     * Whether any answer of the run carried a fingerprint a provider declares simulated (the simulator behind HTTP),
     * so every output can say SIMULATED.
     */
    public boolean simulatedAnswers() {
        return fingerprints.stream().anyMatch(simulatedFingerprint);
    }

    /** An HTTP call was sent (retries included). */
    public void call() {
        if (calls.getAndIncrement() == 0) {
            firstSentNanos.compareAndSet(0, System.nanoTime());
        }
    }

    /** An HTTP call came back (any status, or a transport failure). */
    public void answered() {
        lastAnsweredNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    /**
     * From the first call sent to the last answer received: the part of a run that waits on the model, against which
     * throughput (calls per second) is measured. Zero without calls.
     */
    public java.time.Duration callSpan() {
        long first = firstSentNanos.get();
        long last = lastAnsweredNanos.get();
        return first == 0 || last < first ? java.time.Duration.ZERO : java.time.Duration.ofNanos(last - first);
    }

    /**
     * How long after the JVM started the first call was sent (JVM start, configuration, reading the suites and
     * setting up), or empty without calls.
     */
    public java.util.Optional<java.time.Duration> firstCallAfterStart() {
        long first = firstSentNanos.get();
        if (first == 0) {
            return java.util.Optional.empty();
        }
        long jvmUptimeNanos = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        return java.util.Optional.of(java.time.Duration.ofNanos(Math.max(0, jvmUptimeNanos - (System.nanoTime() - first))));
    }

    /** A call is retried, for this cause ({@code RetryingModelClient}). */
    public void retry(String cause) {
        retries.incrementAndGet();
        synchronized (retriesByCause) {
            retriesByCause.merge(cause, 1L, Long::sum);
        }
    }

    /** The adaptive limiter lowered the concurrency ({@code AdaptiveLimiter}). */
    public void limitCut() {
        limitCuts.incrementAndGet();
    }

    /** An answer came from the response cache. */
    public void cacheHit() {
        cacheHits.incrementAndGet();
    }

    /** A cache hit ({@link #cacheHit}, counted too) whose answer a batch had filed ({@code clp batch collect/import}). */
    public void batchHit() {
        batchHits.incrementAndGet();
    }

    /** An answer was not in the response cache. */
    public void cacheMiss() {
        cacheMisses.incrementAndGet();
    }

    /** Tokens an answer reported using. */
    public void tokens(int prompt, int completion) {
        promptTokens.addAndGet(prompt);
        completionTokens.addAndGet(completion);
    }

    public long calls() {
        return calls.get();
    }

    public long retries() {
        return retries.get();
    }

    public long limitCuts() {
        return limitCuts.get();
    }

    public long cacheHits() {
        return cacheHits.get();
    }

    public long cacheMisses() {
        return cacheMisses.get();
    }

    /** Cache hits whose answers a batch filed ({@code clp batch collect/import}): part of {@link #cacheHits}. */
    public long batchHits() {
        return batchHits.get();
    }

    public long promptTokens() {
        return promptTokens.get();
    }

    public long completionTokens() {
        return completionTokens.get();
    }

    /** Retries by cause, e.g. {@code HTTP 429}, {@code HTTP 500}, {@code timeout}. */
    public Map<String, Long> retriesByCause() {
        synchronized (retriesByCause) {
            return Map.copyOf(retriesByCause);
        }
    }

    /** Records why the remaining calls are not sent; only the first reason is kept. */
    public void stopped(String reason) {
        stopped.compareAndSet(null, reason);
    }

    /** Why the model's remaining calls were not sent (a refused key, an endpoint that never answered), or null. */
    public String stopped() {
        return stopped.get();
    }
}
