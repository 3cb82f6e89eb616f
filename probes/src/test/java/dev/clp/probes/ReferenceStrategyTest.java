package dev.clp.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.model.ChatRequest;
import dev.clp.model.ChatResponse;
import dev.clp.model.ModelClient;
import dev.clp.suite.Pair;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference strategy does what the published code does (issue 19, item 3). */
class ReferenceStrategyTest {

    @TempDir
    Path tmp;

    record Sent(String model, ChatRequest request) {
    }

    private Generator.Report run(GeneratorSettings settings, List<Sent> sent) {
        return GeneratorFixture.run(settings, tmp.resolve("cp-" + System.identityHashCode(sent)), List.of(), client -> new ModelClient() {
            @Override
            public ChatResponse complete(ChatRequest request) {
                sent.add(new Sent(client.name(), request));
                return client.complete(request);
            }

            @Override
            public String name() {
                return client.name();
            }

            @Override
            public boolean simulated() {
                return client.simulated();
            }

            @Override
            public void close() {
                client.close();
            }
        });
    }

    @Test
    void thePublishedRolesAreTheDefaultsAndStayModelSettings() {
        GeneratorSettings s = GeneratorFixture.settings(SearchStrategy.REFERENCE, "zh");
        assertThat(s.writer()).isEqualTo("sim:gpt-4o-mini");
        assertThat(s.translator()).isEqualTo("sim:gpt-4o");
        assertThat(s.extractor()).isEqualTo("sim:gpt-4o-mini");
        assertThat(s.toBuilder().writer("sim:llama-3.1-8b").build().writer()).isEqualTo("sim:llama-3.1-8b");
        assertThat(GeneratorFixture.settings(SearchStrategy.IMPROVED, "zh").writer()).isEqualTo("sim:llama-3.1-8b");
    }

    @Test
    void itAsksAndReadsAsPublishedAndKeepsOnlyPairsAtOrBelowTheEvaluationFilterWithNoLimitPerSeed() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        Generator.Report r = run(GeneratorFixture.settings(SearchStrategy.REFERENCE, "sw").toBuilder().maxPerSeed(1)
                .build(), sent);

        assertThat(r.accepted()).isNotEmpty();
        for (Pair p : r.accepted()) {
            assertThat((Double) p.provenance().get("rateTarget")).as(p.id()).isLessThanOrEqualTo(0.2);
        }
        Map<Object, Long> perSeed = r.accepted().stream().collect(Collectors.groupingBy(p -> p.provenance().get("seed"),
                Collectors.counting()));
        assertThat(perSeed.values()).as("max_good counts towards leaving the queue, it caps nothing")
                .anyMatch(n -> n > 1);

        List<ChatRequest> answers = sent.stream().filter(s -> s.request().label().endsWith("(en)")
                || s.request().label().endsWith("(sw)")).map(Sent::request).toList();
        assertThat(answers).isNotEmpty().allSatisfy(a -> {
            assertThat(a.messages().get(0).role()).isEqualTo("system");
            assertThat(a.lastUserText()).doesNotContainPattern("(?m)^A\\. ").containsPattern("(?m)^\\['.*'\\]$");
            assertThat(a.temperature()).isLessThan(0.001);
        });
        List<Sent> reads = sent.stream().filter(s -> s.request().label().endsWith("extraction")).toList();
        assertThat(reads).isNotEmpty().allSatisfy(s -> assertThat(s.model()).isEqualTo("sim:gpt-4o-mini"));
        assertThat(sent).filteredOn(s -> s.request().label().endsWith(" distraction")).isNotEmpty().allSatisfy(s -> {
            assertThat(s.model()).isEqualTo("sim:gpt-4o-mini");
            assertThat(s.request().lastUserText()).contains(GeneratorTasks.REFERENCE_LABEL)
                    .doesNotContain(GeneratorTasks.CORRECT_OPTION).doesNotContain("one or two sentences");
        });
        assertThat(sent).filteredOn(s -> s.request().label().endsWith(" translation") && s.request().label()
                .matches("seed \\d+ translation")).isNotEmpty().allSatisfy(s -> {
                    assertThat(s.model()).isEqualTo("sim:gpt-4o");
                    assertThat(s.request().temperature()).isEqualTo(0.7);
                    assertThat(s.request().lastUserText()).contains("\"answer\"");
                });
        assertThat(r.rejected()).containsKey("published-filter");
        assertThat(sent).filteredOn(s -> s.request().label().endsWith(" distraction") || s.request().label()
                .endsWith(" translation") || s.request().label().endsWith("extraction")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.request().maxTokens()).as("published get_response sets no max_tokens: "
                        + s.request().label()).isEqualTo(Panel.REFERENCE_TOKENS));
    }

    /** The deepest level at which each seed was written for, from the distraction requests' labels. */
    private static Map<Integer, Integer> deepestWritten(List<Sent> sent) {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        java.util.regex.Pattern label = java.util.regex.Pattern.compile("seed (\\d+) depth (\\d+) distraction");
        for (Sent s : sent) {
            java.util.regex.Matcher m = label.matcher(s.request().label());
            if (m.matches()) {
                out.merge(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Math::max);
            }
        }
        return out;
    }

    /** The shallowest depth at which each seed had a pair accepted. */
    private static Map<Integer, Integer> firstAccepted(Generator.Report r) {
        Map<Integer, Integer> out = new java.util.TreeMap<>();
        for (Pair p : r.accepted()) {
            String seed = String.valueOf(p.provenance().get("seed"));
            out.merge(Integer.parseInt(seed.substring(seed.lastIndexOf('#') + 1)), p.perturbation().steps(),
                    Math::min);
        }
        return out;
    }

    @Test
    void aSeedThatReachedMaxGoodLeavesTheQueueAndIsWrittenForNoDeeper() {
        List<Sent> capped = new CopyOnWriteArrayList<>();
        Generator.Report r = run(GeneratorFixture.settings(SearchStrategy.REFERENCE, "sw").toBuilder().maxPerSeed(1)
                .build(), capped);
        Map<Integer, Integer> accepted = firstAccepted(r);
        Map<Integer, Integer> written = deepestWritten(capped);
        assertThat(accepted).isNotEmpty();
        accepted.forEach((seed, depth) -> assertThat(written.get(seed)).as("seed %d reached max_good at depth %d",
                seed, depth).isEqualTo(depth));

        // the same run with room for more pairs writes deeper for at least one of those seeds: the check can fail
        List<Sent> roomy = new CopyOnWriteArrayList<>();
        run(GeneratorFixture.settings(SearchStrategy.REFERENCE, "sw").toBuilder().maxPerSeed(100).build(), roomy);
        Map<Integer, Integer> deeper = deepestWritten(roomy);
        assertThat(accepted.keySet()).anyMatch(seed -> deeper.getOrDefault(seed, 0) > accepted.get(seed));
    }
}
