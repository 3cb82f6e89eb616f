package dev.clp.model.internal;

import dev.clp.model.BudgetExhaustedException;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Budgets and the usage ledger, between the cache and the retry layer: every call the cache cannot answer is
 * counted (calls, tokens in and out, cost from the configured prices) per language; once a budget
 * ({@code clp.budget.max-calls}, {@code max-tokens}, {@code max-cost}) is reached, further calls are refused
 * with {@link BudgetExhaustedException} and their pairs end as not run. Calls already in flight finish, so a
 * budget can be exceeded by at most {@code clp.concurrency} calls.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class BudgetedModelClient extends ForwardingModelClient {

    /** Limits (0: none) and prices in USD per million tokens (0: unknown). */
    public record Budget(long maxCalls, long maxTokens, double maxCost, double inputPerMTok, double outputPerMTok) {
        public boolean limited() {
            return maxCalls > 0 || maxTokens > 0 || maxCost > 0;
        }
    }

    /** One language's usage. */
    public record Usage(long calls, long promptTokens, long completionTokens, double cost) {
    }

    private final Budget budget;
    private final Map<String, long[]> byLanguage = new TreeMap<>();
    private long calls;
    private long tokens;
    private double cost;
    private String exhausted;

    public BudgetedModelClient(ModelClient delegate, Budget budget) {
        super(delegate);
        this.budget = budget;
    }

    @Override
    public ChatResponse complete(ChatRequest request) {
        synchronized (this) {
            if (exhausted == null) {
                if (budget.maxCalls() > 0 && calls >= budget.maxCalls()) {
                    exhausted = "clp.budget.max-calls=" + budget.maxCalls() + " reached";
                } else if (budget.maxTokens() > 0 && tokens >= budget.maxTokens()) {
                    exhausted = "clp.budget.max-tokens=" + budget.maxTokens() + " reached";
                } else if (budget.maxCost() > 0 && cost >= budget.maxCost()) {
                    exhausted = String.format(Locale.ROOT, "clp.budget.max-cost=%.2f reached ($%.4f spent)",
                            budget.maxCost(), cost);
                }
            }
            if (exhausted != null) {
                throw new BudgetExhaustedException("budget spent: " + exhausted);
            }
            calls++;
            byLanguage.computeIfAbsent(request.lang(), k -> new long[3])[0]++;
        }
        ChatResponse r = delegate.complete(request);
        synchronized (this) {
            long[] l = byLanguage.get(request.lang());
            l[1] += r.promptTokens();
            l[2] += r.completionTokens();
            tokens += r.promptTokens() + r.completionTokens();
            cost += price(r.promptTokens(), r.completionTokens());
        }
        return r;
    }

    private double price(long in, long out) {
        return (in * budget.inputPerMTok() + out * budget.outputPerMTok()) / 1_000_000.0;
    }

    /** Usage per language so far. */
    public synchronized Map<String, Usage> ledger() {
        Map<String, Usage> out = new TreeMap<>();
        byLanguage.forEach((lang, l) -> out.put(lang, new Usage(l[0], l[1], l[2], price(l[1], l[2]))));
        return out;
    }

    public synchronized double cost() {
        return cost;
    }

    /** Why the budget stopped the run, or null. */
    public synchronized String exhausted() {
        return exhausted;
    }
}
