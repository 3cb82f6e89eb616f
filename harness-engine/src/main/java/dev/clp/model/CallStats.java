package dev.clp.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of a run's model calls, shared by the layers; thread-safe. */
public final class CallStats {

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong limitCuts = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong cacheMisses = new AtomicLong();
    private final AtomicLong promptTokens = new AtomicLong();
    private final AtomicLong completionTokens = new AtomicLong();
    private final Map<String, Long> retriesByCause = new TreeMap<>();
    private volatile boolean simulatedAnswers;
    private volatile BudgetedModelClient ledger;

    void ledger(BudgetedModelClient budgeted) {
        this.ledger = budgeted;
    }

    /** The budget layer's usage ledger, when the model is called over HTTP; null for the in-process simulator. */
    public BudgetedModelClient ledger() {
        return ledger;
    }

    /** An answer came from the clp simulator behind HTTP ({@code x-clp-simulated: true}). */
    void simulatedAnswer() {
        simulatedAnswers = true;
    }

    /** Whether any answer of the run came from the simulator, so every output can say SIMULATED. */
    public boolean simulatedAnswers() {
        return simulatedAnswers;
    }

    /** An HTTP call was sent (retries included). */
    void call() {
        calls.incrementAndGet();
    }

    void retry(String cause) {
        retries.incrementAndGet();
        synchronized (retriesByCause) {
            retriesByCause.merge(cause, 1L, Long::sum);
        }
    }

    void limitCut() {
        limitCuts.incrementAndGet();
    }

    void cacheHit() {
        cacheHits.incrementAndGet();
    }

    void cacheMiss() {
        cacheMisses.incrementAndGet();
    }

    void tokens(int prompt, int completion) {
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
}
