package dev.clp.probes;

import dev.clp.model.BudgetExhaustedException;
import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.model.Storage;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every model call of a generator run goes through here: answered from the {@link Checkpoint} when the run
 * received it before, otherwise sent through the model layer (cache, limits, retries), recorded before it is
 * used, and counted by purpose. The hard budgets ({@code --max-calls}, {@code --max-cost}) are enforced here.
 */
final class CallLedger {

    /** What a call is for, counted apart. */
    enum Kind {
        DISTRACTION, TRANSLATION, BACK_TRANSLATION, JUDGE, PANEL_ENGLISH, PANEL_TARGET, EXTRACTION, HOLDOUT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Checkpoint checkpoint;
    private final long maxCalls;
    private final double maxCost;
    private final double inputPerMTok;
    private final double outputPerMTok;
    private final Map<Kind, AtomicLong> sent = new TreeMap<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong gradedAnswers = new AtomicLong();
    private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<ChatResponse>>
            inFlight = new java.util.concurrent.ConcurrentHashMap<>();
    private long calls;
    private long promptTokens;
    private long completionTokens;

    CallLedger(Checkpoint checkpoint, long maxCalls, double maxCost, double inputPerMTok, double outputPerMTok) {
        this.checkpoint = checkpoint;
        this.maxCalls = maxCalls;
        this.maxCost = maxCost;
        this.inputPerMTok = inputPerMTok;
        this.outputPerMTok = outputPerMTok;
        for (Kind k : Kind.values()) {
            sent.put(k, new AtomicLong());
        }
    }

    /** Asks a model one prompt. */
    ChatResponse ask(ModelClient model, Kind kind, String prompt, double temperature, int maxTokens, String label,
            String lang) {
        return ask(model, kind, null, prompt, temperature, maxTokens, label, lang);
    }

    /** Asks a model one prompt after a system message (none when null), as the published code does. */
    ChatResponse ask(ModelClient model, Kind kind, String system, String prompt, double temperature, int maxTokens,
            String label, String lang) {
        java.util.List<ChatMessage> messages = system == null ? java.util.List.of(ChatMessage.user(prompt))
                : java.util.List.of(new ChatMessage("system", system), ChatMessage.user(prompt));
        ChatRequest request = new ChatRequest(messages, temperature, maxTokens, 0, label, lang);
        String key = Storage.requestKey("clp-generate", "", model.name(), request);
        var recorded = checkpoint.recorded(key);
        if (recorded.isPresent()) {
            replayed.incrementAndGet();
            return recorded.get();
        }
        // the same request from two candidates at once is sent once; the second waits for the first's answer
        var mine = new java.util.concurrent.CompletableFuture<ChatResponse>();
        var theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            replayed.incrementAndGet();
            return join(theirs);
        }
        try {
            ChatResponse response = send(model, kind, request, key);
            mine.complete(response);
            return response;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key);
        }
    }

    private static ChatResponse join(java.util.concurrent.CompletableFuture<ChatResponse> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private ChatResponse send(ModelClient model, Kind kind, ChatRequest request, String key) {
        var again = checkpoint.recorded(key);
        if (again.isPresent()) {
            // recorded by a request that finished between the first lookup and this one's turn
            replayed.incrementAndGet();
            return again.get();
        }
        synchronized (this) {
            if (maxCalls > 0 && calls >= maxCalls) {
                throw new BudgetExhaustedException("budget spent: --max-calls " + maxCalls + " reached");
            }
            if (maxCost > 0 && cost() >= maxCost) {
                throw new BudgetExhaustedException(String.format(Locale.ROOT,
                        "budget spent: --max-cost %.2f reached ($%.4f spent)", maxCost, cost()));
            }
            calls++;
        }
        ChatResponse response = model.complete(request);
        checkpoint.record(key, kind.label(), model.name(), response);
        sent.get(kind).incrementAndGet();
        synchronized (this) {
            promptTokens += response.promptTokens();
            completionTokens += response.completionTokens();
        }
        return response;
    }

    /** Counts one panel answer that was graded (for calls per graded answer). */
    void graded() {
        gradedAnswers.incrementAndGet();
    }

    synchronized long calls() {
        return calls;
    }

    synchronized double cost() {
        return (promptTokens * inputPerMTok + completionTokens * outputPerMTok) / 1_000_000.0;
    }

    synchronized long tokens() {
        return promptTokens + completionTokens;
    }

    long replayed() {
        return replayed.get();
    }

    long gradedAnswers() {
        return gradedAnswers.get();
    }

    Map<String, Long> byKind() {
        Map<String, Long> out = new TreeMap<>();
        sent.forEach((k, v) -> out.put(k.label(), v.get()));
        return out;
    }
}
