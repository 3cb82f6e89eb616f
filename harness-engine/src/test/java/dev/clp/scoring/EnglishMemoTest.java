package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Side;
import dev.clp.testing.RecordingModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The English side is asked once for every language that shares it, and the answers kept for that are bounded: a run
 * of 50,000 distinct English questions kept every one of them (about 120 MB) until its end.
 */
class EnglishMemoTest {

    private static Pair pair(String lang, String english) {
        Side en = new Side(english, List.of("yes", "no"), 0);
        return new Pair(PairIds.of(lang, en), lang, "fixture", null, en, new Side("[" + lang + "] " + english,
                List.of("ndiyo", "hapana"), 0), null, Map.of());
    }

    private static long englishCalls(RecordingModel model, String english) {
        return model.requests().stream().filter(r -> "en".equals(r.lang())
                && r.messages().get(r.messages().size() - 1).content().contains(english)).count();
    }

    @Test
    void anEnglishQuestionSharedByLanguagesIsAskedOnce() {
        RecordingModel model = new RecordingModel(r -> "A", 0);
        PairEvaluator evaluator = new PairEvaluator(model, 1, 0.0, 16);
        for (String lang : List.of("sw", "yo", "zh")) {
            evaluator.evaluate(pair(lang, "Is water wet?"));
        }
        assertThat(englishCalls(model, "Is water wet?")).isEqualTo(1);
        assertThat(model.requests()).hasSize(1 + 3);
    }

    @Test
    void theAnswersKeptForReuseAreBoundedTheLeastRecentlyAskedForgottenFirst() {
        RecordingModel model = new RecordingModel(r -> "A", 0);
        PairEvaluator evaluator = new PairEvaluator(model, 1, 0.0, 16);
        evaluator.evaluate(pair("sw", "Question 0?"));
        evaluator.evaluate(pair("sw", "Recent question?"));
        for (int i = 1; i <= PairEvaluator.ENGLISH_KEPT; i++) {
            evaluator.evaluate(pair("sw", "Question " + i + "?"));
            if (i % 1000 == 0) {
                evaluator.evaluate(pair("yo", "Recent question?")); // asked again: kept as recently used
            }
        }
        evaluator.evaluate(pair("yo", "Question 0?"));
        evaluator.evaluate(pair("zh", "Recent question?"));

        assertThat(englishCalls(model, "Question 0?")).as("forgotten after %d others: asked again (the response cache "
                + "answers it again for free)", PairEvaluator.ENGLISH_KEPT).isEqualTo(2);
        assertThat(englishCalls(model, "Recent question?")).as("kept while it is used").isEqualTo(1);
    }
}
