package dev.clp.scoring;

import dev.clp.model.ChatMessage;
import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.BudgetExhaustedException;
import dev.clp.model.ModelClient;
import dev.clp.model.ModelException;
import dev.clp.suite.Pair;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/**
 * Asks the model both sides of a pair, K samples each, and classifies the outcome. One model call per
 * graded answer: extraction never calls a model.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class PairEvaluator {

    private final ModelClient model;
    private final int samples;
    private final double temperature;
    private final int maxTokens;
    private final boolean structured;
    private final FallbackExtractor fallback;
    /**
     * How many distinct English questions' answers are kept for reuse. A suite's languages share English questions a
     * language file apart (the starter suite asks each for 16 languages), so a few thousand keep every reuse of the
     * suites there are, and a run of 50,000 distinct ones does not keep all of them (about 120 MB of prompts and
     * answers). One forgotten and asked again is answered by the response cache ({@code clp.cache}), without a call.
     */
    static final int ENGLISH_KEPT = 4096;

    /** By prompt, the least recently asked first; guarded by itself. */
    private final Map<String, CompletableFuture<SideResult>> englishAnswers = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<SideResult>> eldest) {
                    return size() > ENGLISH_KEPT;
                }
            });

    public PairEvaluator(ModelClient model, int samples, double temperature, int maxTokens) {
        this(model, samples, temperature, maxTokens, false, null);
    }

    /**
     * @param structured ask for structured output ({@code {"answer":"B"}}) instead of free text
     * @param fallback the fallback extractor for what the layered extractor cannot read, or null
     */
    public PairEvaluator(ModelClient model, int samples, double temperature, int maxTokens, boolean structured,
            FallbackExtractor fallback) {
        this.model = model;
        this.samples = samples;
        this.temperature = temperature;
        this.maxTokens = maxTokens;
        this.structured = structured;
        this.fallback = fallback;
    }

    public PairOutcome evaluate(Pair pair) {
        SideResult en;
        SideResult target;
        try {
            en = english(pair);
        } catch (BudgetExhaustedException e) {
            return new PairOutcome.NotRun(pair, e.getMessage());
        } catch (ModelException e) {
            return new PairOutcome.Error(pair, "en", e.getMessage());
        }
        try {
            target = ask(pair.lang(), pair.target(), "pair " + pair.id() + " (" + pair.lang() + " side)");
        } catch (BudgetExhaustedException e) {
            return new PairOutcome.NotRun(pair, e.getMessage());
        } catch (ModelException e) {
            return new PairOutcome.Error(pair, pair.lang(), e.getMessage());
        }
        if (en.unparseable()) {
            return new PairOutcome.Unparseable(pair, en, target, "en", reason(en));
        }
        if (!en.correct()) {
            return new PairOutcome.NotApplicable(pair, en, target);
        }
        if (target.unparseable()) {
            return new PairOutcome.Unparseable(pair, en, target, pair.lang(), reason(target));
        }
        return target.correct() ? new PairOutcome.Consistent(pair, en, target) : new PairOutcome.Weak(pair, en, target);
    }

    /**
     * The English side, asked once per distinct English question in the run and reused by every language
     * that shares it (the starter suite asks each English question for 16 languages).
     */
    private SideResult english(Pair pair) {
        Side side = pair.en();
        String prompt = PromptRenderer.render("en", side);
        CompletableFuture<SideResult> mine = new CompletableFuture<>();
        CompletableFuture<SideResult> existing = englishAnswers.putIfAbsent(prompt, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof ModelException me) {
                    throw me;
                }
                throw e;
            }
        }
        try {
            SideResult result = ask("en", side, "pair " + pair.id() + " (English side)");
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            englishAnswers.remove(prompt, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static String reason(SideResult r) {
        return r.extractions().stream().filter(e -> e instanceof Extraction.Unparseable)
                .map(e -> ((Extraction.Unparseable) e).reason()).findFirst().orElse("unparseable");
    }

    private SideResult ask(String lang, Side side, String label) {
        String prompt = PromptRenderer.render(lang, side);
        List<String> answers = new ArrayList<>(samples);
        List<Extraction> extractions = new ArrayList<>(samples);
        List<Map<String, Double>> probabilities = new ArrayList<>(samples);
        List<String> letters = null;
        if (structured) {
            letters = new ArrayList<>(side.choices().size());
            for (int i = 0; i < side.choices().size(); i++) {
                letters.add(String.valueOf(PromptRenderer.letter(i)));
            }
        }
        for (int k = 0; k < samples; k++) {
            ChatResponse response = model.complete(new ChatRequest(List.of(ChatMessage.user(prompt)), temperature,
                    maxTokens, k, label, lang, letters));
            String text = response.text();
            answers.add(text);
            probabilities.add(response.letterProbabilities());
            Extraction extraction = response.refused()
                    ? new Extraction.Unparseable("the model declined to answer (refusal)")
                    : AnswerExtractor.extract(lang, text, side.choices(), response.finishReason());
            if (fallback != null && extraction instanceof Extraction.Unparseable u && !response.refused()
                    && text != null && !text.isBlank()) {
                extraction = fallback.resolve(lang, prompt, text, side.choices(), u, label);
            }
            extractions.add(extraction);
        }
        return new SideResult(lang, prompt, answers, extractions, side.answer(), probabilities);
    }
}
