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
        return GeneratorFixture.run(settings, tmp.resolve("cp-" + sent.hashCode()), List.of(), client -> new ModelClient() {
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
    }
}
