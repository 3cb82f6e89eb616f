package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.scoring.CompactOutcome;
import dev.clp.scoring.PairEvaluator;
import dev.clp.scoring.PairOutcome;
import dev.clp.scoring.RunGates;
import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteWriter;
import dev.clp.testing.SuiteFixtures;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;

/**
 * What the run keeps of each pair until its gates are decided, beyond what JUnit's test plan keeps (issue 17.3: memory
 * grows with concurrency, not with pairs): a pair's test holds no collection of its own (a test has no children), and
 * the compact outcome kept for the gates shares the pair's id with its test and its language with the other pairs',
 * instead of the copies parsed from the pair's line when it ran.
 */
class PerPairMemoryTest {

    @TempDir
    Path dir;

    private static final class AnswersA implements ModelClient {
        @Override
        public ChatResponse complete(ChatRequest request) {
            return new ChatResponse("A", "stop", 10, 1, 0);
        }

        @Override
        public String name() {
            return "test:a";
        }

        @Override
        public void close() {
        }
    }

    /**
     * A in English; in the target language A for topic0 and B otherwise: topic0 (A) consistent, topic3 (A) weak, topic1
     * and topic2 not applicable.
     */
    private static final class AnswersAThenB implements ModelClient {
        @Override
        public ChatResponse complete(ChatRequest request) {
            boolean a = "en".equals(request.lang())
                    || request.messages().stream().anyMatch(m -> m.content().contains("topic0"));
            return new ChatResponse(a ? "A" : "B", "stop", 10, 1, 0);
        }

        @Override
        public String name() {
            return "test:ab";
        }

        @Override
        public void close() {
        }
    }

    private List<PairDescriptor> descriptors(List<Pair> pairs) {
        PairsFile file = PairsFile.read(SuiteWriter.writePairs(dir, pairs.get(0).lang(), pairs), false,
                new HashMap<>(), (p, line, offset, length) -> { });
        List<PairDescriptor> out = new ArrayList<>();
        for (PairsFile.Entry e : file.pairs()) {
            out.add(new PairDescriptor(UniqueId.forEngine("clp").append("suite", "s").append("lang", file.lang())
                    .append(PairDescriptor.SEGMENT, e.id()), e, file.text(), "s"));
        }
        return out;
    }

    @Test
    void aPairsTestHoldsNoCollection() {
        List<PairDescriptor> pairs = descriptors(List.of(SuiteFixtures.pair("sw", "topic0", 0),
                SuiteFixtures.pair("sw", "topic1", 1)));
        for (Class<?> c = PairDescriptor.class; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    assertThat(Collection.class.isAssignableFrom(f.getType()) || Map.class.isAssignableFrom(f.getType()))
                            .as("%s.%s (%s): a collection in every pair's test", c.getSimpleName(), f.getName(),
                                    f.getType().getSimpleName())
                            .isFalse();
                }
            }
        }
        // the file holds its pairs by id: find topic0's
        PairDescriptor first = pairs.stream().filter(p -> p.getDisplayName().contains("topic0")).findFirst()
                .orElseThrow();
        PairDescriptor other = pairs.stream().filter(p -> p != first).findFirst().orElseThrow();
        assertThat(first.getChildren()).isEmpty();
        assertThat(first.getChildren()).isSameAs(other.getChildren());
        assertThatThrownBy(() -> first.addChild(other)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("has no children");
        // what JUnit reads of a test is what AbstractTestDescriptor gave it
        assertThat(first.getUniqueId().getLastSegment().getValue()).isEqualTo(first.id());
        assertThat(first.getDisplayName()).isEqualTo("[s] " + first.id() + ": Which one is topic0?");
        assertThat(first.isTest()).isTrue();
        assertThat(first.getSource()).isPresent();
        assertThat(first.getParent()).isEmpty();
        assertThat(first).isEqualTo(descriptors(List.of(SuiteFixtures.pair("sw", "topic0", 0))).get(0))
                .hasSameHashCodeAs(descriptors(List.of(SuiteFixtures.pair("sw", "topic0", 0))).get(0))
                .isNotEqualTo(other);
        assertThat(first.findByUniqueId(first.getUniqueId()).orElseThrow()).isSameAs(first);
        assertThat(first.findByUniqueId(other.getUniqueId())).isEmpty();
    }

    /**
     * A long question's name is cut with three full stops, not U+2026: one character beyond Latin-1 makes Java keep the
     * whole name in UTF-16 (two bytes a character instead of one), and JUnit's test plan keeps every pair's name for
     * the whole run (about 100 bytes a pair more for a name of 70 characters).
     */
    @Test
    void aLongQuestionsNameStaysInLatin1() {
        String question = "How many legs has a spider, counting every one of them on both sides of its body?";
        Side en = new Side(question, List.of("six", "eight"), 1);
        Pair pair = new Pair(PairIds.of("sw", en), "sw", "fixture", null, en, new Side("[sw] spider?",
                List.of("6", "8"), 1), null, Map.of());
        String name = descriptors(List.of(pair)).get(0).getDisplayName();
        assertThat(name).isEqualTo("[s] " + pair.id() + ": "
                + "How many legs has a spider, counting every one of them on both side...");
        assertThat(StandardCharsets.ISO_8859_1.newEncoder().canEncode(name)).as("%s: Latin-1", name).isTrue();
        assertThat(name.length() - ("[s] " + pair.id() + ": ").length()).isEqualTo(70);
    }

    @Test
    void theOutcomeKeptForTheGatesSharesTheIdOfItsTestAndTheLanguageOfTheOthers() {
        List<PairDescriptor> pairs = descriptors(List.of(SuiteFixtures.pair("sw", "topic0", 0),
                SuiteFixtures.pair("sw", "topic1", 0)));
        try (Prefetcher prefetcher = new Prefetcher(CompletableFuture.completedFuture(
                new PairEvaluator(new AnswersA(), 1, 0.0, 16)), 4)) {
            prefetcher.begin(pairs, OutcomeListener.NONE);
            List<PairOutcome> all = pairs.stream().map(prefetcher::await).toList();
            for (int i = 0; i < pairs.size(); i++) {
                assertThat(all.get(i).pair().id()).as("the id is the test's, not a copy read from the line")
                        .isSameAs(pairs.get(i).id());
            }
            assertThat(all.get(0).pair().lang()).as("one language string for the pairs of a run").isEqualTo("sw")
                    .isSameAs(all.get(1).pair().lang());
        }
    }
    /**
     * Once the gates have every outcome, the run keeps what they read in columns (a kind, two shared side results, the
     * cluster as a number), not a future and a compact outcome per pair: the first gate waits for every pair of the run
     * while the later languages' tests have not run yet, so those objects were all alive at the run's peak. The gates
     * read the same from the columns as from the compact outcomes, and a pair's test still gets its kind and letters.
     */
    @Test
    void onceTheGatesHaveEveryOutcomeTheRunKeepsColumnsNotAnObjectPerPair() throws Exception {
        List<Pair> written = List.of(SuiteFixtures.pair("sw", "topic0", 0), SuiteFixtures.pair("sw", "topic1", 1),
                SuiteFixtures.pair("sw", "topic2", 2), SuiteFixtures.pair("sw", "topic3", 0));
        List<PairDescriptor> pairs = descriptors(written);
        PairEvaluator evaluator = new PairEvaluator(new AnswersAThenB(), 1, 0.0, 16);
        try (Prefetcher prefetcher = new Prefetcher(CompletableFuture.completedFuture(evaluator), 4)) {
            prefetcher.begin(pairs, OutcomeListener.NONE);
            PairOutcome first = prefetcher.await(pairs.get(0)); // a test before the gates: from its future
            prefetcher.awaitAll();
            Field columns = Prefetcher.class.getDeclaredField("columns");
            columns.setAccessible(true);
            Field futures = OutcomeColumns.class.getDeclaredField("futures");
            futures.setAccessible(true);
            assertThat((List<?>) futures.get(columns.get(prefetcher))).as("no future (and its outcome) kept per pair")
                    .hasSize(4).containsOnlyNulls();
            for (PairDescriptor d : pairs) {
                PairOutcome alone = CompactOutcome.of(evaluator.evaluate(d.load()), d.id(), new CompactOutcome.Shared());
                assertThat(prefetcher.scored(d)).as(d.id()).isEqualTo(RunGates.Scored.of(alone));
                PairOutcome again = d == pairs.get(0) ? first : prefetcher.await(d);
                assertThat(again.kind()).as(d.id()).isEqualTo(alone.kind());
                if (alone instanceof PairOutcome.Answered a) {
                    PairOutcome.Answered b = (PairOutcome.Answered) again;
                    assertThat(b.target().chosenLetter()).isEqualTo(a.target().chosenLetter());
                    assertThat(b.target().expectedLetter()).isEqualTo(a.target().expectedLetter());
                    assertThat(b.en().chosenLetter()).isEqualTo(a.en().chosenLetter());
                }
            }
            assertThat(pairs.stream().map(d -> prefetcher.await(d).kind()).distinct()).as("the fixture's kinds")
                    .contains("consistent", "weak", "not-applicable");
        }
    }
}
