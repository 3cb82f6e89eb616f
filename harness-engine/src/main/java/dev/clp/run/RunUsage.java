package dev.clp.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.clp.model.internal.BudgetedModelClient;
import dev.clp.model.CallStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What the model layer did in a run, as {@code run.json} records it: calls, retries by cause, concurrency cuts,
 * cache hits, tokens, the cost ledger when prices are set, why the run stopped early, and the fallback extractor's
 * own counters. Optional parts (marked) are left out when they do not apply.
 *
 * @param batchAnswers the cache hits whose answers a batch filed ({@code clp batch collect} or {@code import}): of the
 *     answers, {@code modelCalls} came from synchronous calls, {@code batchAnswers} from batches and the other
 *     {@code cacheHits} from earlier synchronous runs (0 in records written before they were told apart)
 * @param callSpanSeconds first call's start to last call's end (with at least one call)
 * @param firstCallAfterStartSeconds the first call's start after the JVM's (with at least one call)
 * @param byLanguage the cost ledger per language (with prices or a budget)
 * @param cost the ledger's total cost (with prices or a budget)
 * @param budgetStopped the budget that stopped the run
 * @param stopped why the run stopped early (a fatal provider error)
 * @param cache {@code clp.cache}
 * @param cacheWarning the response caches' warnings, one a line
 * @param fallbackExtractor the fallback extractor's counters, when one is configured
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record RunUsage(long modelCalls, long retries, Map<String, Long> retriesByCause, long concurrencyCuts,
        long cacheHits, long cacheMisses, long batchAnswers, long promptTokens, long completionTokens,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double callSpanSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double firstCallAfterStartSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, LanguageUsage> byLanguage,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double cost,
        @JsonInclude(JsonInclude.Include.NON_NULL) String budgetStopped,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stopped, String cache,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cacheWarning,
        @JsonInclude(JsonInclude.Include.NON_NULL) FallbackUsage fallbackExtractor) {

    public RunUsage {
        retriesByCause = retriesByCause == null ? Map.of() : retriesByCause;
    }

    /**
     * The usage of a run.
     *
     * @param stats the model client's counters
     * @param cache the cache mode ({@code clp.cache})
     * @param cacheWarnings the response caches' warnings (empty for none)
     * @param fallback the fallback extractor's counters, or null without one
     */
    public static RunUsage of(CallStats stats, String cache, Set<String> cacheWarnings, FallbackUsage fallback) {
        Counters c = Counters.of(stats);
        return new RunUsage(c.calls, c.retries, c.byCause, c.cuts, c.hits, c.misses, stats.batchHits(), c.prompt,
                c.completion, c.span,
                c.first, c.byLanguage, c.cost, c.budgetStopped, c.stopped, cache,
                cacheWarnings.isEmpty() ? null : String.join("\n", cacheWarnings), fallback);
    }

    /** One language's share of the cost ledger. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record LanguageUsage(long calls, long promptTokens, long completionTokens, double cost) {
    }

    /**
     * The fallback extractor's model and counters ({@code clp.extractor.fallback}).
     *
     * @param asked unparseable answers it was asked to read
     * @param resolved those it read as a letter
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public record FallbackUsage(String model, long asked, long resolved, long modelCalls, long retries,
            Map<String, Long> retriesByCause, long concurrencyCuts, long cacheHits, long cacheMisses,
            long promptTokens, long completionTokens,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double callSpanSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double firstCallAfterStartSeconds,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, LanguageUsage> byLanguage,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double cost,
            @JsonInclude(JsonInclude.Include.NON_NULL) String budgetStopped,
            @JsonInclude(JsonInclude.Include.NON_NULL) String stopped) {

        public FallbackUsage {
            retriesByCause = retriesByCause == null ? Map.of() : retriesByCause;
        }

        /** The fallback extractor's usage: its model's name, what it was asked and resolved, its client's counters. */
        public static FallbackUsage of(String model, long asked, long resolved, CallStats stats) {
            Counters c = Counters.of(stats);
            return new FallbackUsage(model, asked, resolved, c.calls, c.retries, c.byCause, c.cuts, c.hits, c.misses,
                    c.prompt, c.completion, c.span, c.first, c.byLanguage, c.cost, c.budgetStopped, c.stopped);
        }
    }

    /** What one model client's layers counted, read once from its {@link CallStats}. */
    private record Counters(long calls, long retries, Map<String, Long> byCause, long cuts, long hits, long misses,
            long prompt, long completion, Double span, Double first, Map<String, LanguageUsage> byLanguage,
            Double cost, String budgetStopped, String stopped) {

        static Counters of(CallStats s) {
            Double span = s.calls() > 0 ? seconds(s.callSpan()) : null;
            Double first = s.calls() > 0 ? s.firstCallAfterStart().map(Counters::seconds).orElse(null) : null;
            BudgetedModelClient ledger = s.ledger();
            Map<String, LanguageUsage> byLanguage = null;
            Double cost = null;
            String budgetStopped = null;
            if (ledger != null) {
                byLanguage = new LinkedHashMap<>();
                for (var e : ledger.ledger().entrySet()) {
                    BudgetedModelClient.Usage u = e.getValue();
                    byLanguage.put(e.getKey(), new LanguageUsage(u.calls(), u.promptTokens(), u.completionTokens(),
                            u.cost()));
                }
                cost = ledger.cost();
                budgetStopped = ledger.exhausted();
            }
            return new Counters(s.calls(), s.retries(), s.retriesByCause(), s.limitCuts(), s.cacheHits(),
                    s.cacheMisses(), s.promptTokens(), s.completionTokens(), span, first, byLanguage, cost,
                    budgetStopped, s.stopped());
        }

        private static double seconds(Duration d) {
            return Math.round(d.toMillis() / 10.0) / 100.0;
        }
    }
}
