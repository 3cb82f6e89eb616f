package dev.clp.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clp.plugin.TinyBatchProvider;
import dev.clp.testing.SuiteFixtures;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests are split to the provider's limits on requests and bytes per batch, each request in exactly one batch. */
class SplittingTest {

    @TempDir
    Path tmp;

    @AfterEach
    void reset() {
        TinyBatchProvider.maxRequests = 1000;
        TinyBatchProvider.maxBytes = Long.MAX_VALUE;
        TinyBatchProvider.SUBMITTED.clear();
    }

    Batches.Submitted submit(Map<String, String> extra) {
        Map<String, String> props = new java.util.HashMap<>(Map.of("clp.model", "tinybatch:m",
                "clp.cache.path", tmp.resolve("c.db").toString()));
        props.putAll(extra);
        return Batches.forRun(tmp.resolve("s.json"), List.of(SuiteFixtures.starterSuite()), props, Map.of(), l -> { })
                .submit();
    }

    @Test
    void aBatchHoldsAtMostTheProvidersNumberOfRequests() {
        TinyBatchProvider.maxRequests = 50;
        Batches.Submitted s = submit(Map.of());
        assertThat(s.requests()).isGreaterThan(150);
        assertThat(s.batches()).hasSize((s.requests() + 49) / 50);
        assertThat(TinyBatchProvider.SUBMITTED).allMatch(b -> b.size() <= 50);
        assertThat(TinyBatchProvider.SUBMITTED.stream().mapToInt(List::size).sum()).isEqualTo(s.requests());
        Set<String> distinct = new HashSet<>();
        TinyBatchProvider.SUBMITTED.forEach(distinct::addAll);
        assertThat(distinct).hasSize(s.requests());
    }

    @Test
    void aBatchHoldsAtMostTheProvidersNumberOfBytes() {
        TinyBatchProvider.maxBytes = 20_000;
        Batches.Submitted s = submit(Map.of());
        assertThat(s.batches()).hasSizeGreaterThan(1);
        assertThat(TinyBatchProvider.SUBMITTED).allMatch(b -> TinyBatchProvider.bytes(b) <= 20_000);
        assertThat(TinyBatchProvider.SUBMITTED.stream().mapToInt(List::size).sum()).isEqualTo(s.requests());
    }

    @Test
    void kSamplesAreKRequestsEachAndTheBatchCostIsAtTheDiscount() {
        int one = submit(Map.of()).requests();
        reset();
        Map<String, String> k3 = Map.of("clp.samples", "3", "clp.temperature", "0.7", "clp.cache.path",
                tmp.resolve("k3.db").toString(), "clp.price.input-per-mtok", "2", "clp.price.output-per-mtok", "8",
                "clp.price.batch-discount", "0.25");
        Map<String, String> props = new java.util.HashMap<>(k3);
        props.put("clp.model", "tinybatch:m");
        Batches b = Batches.forRun(tmp.resolve("k3.json"), List.of(SuiteFixtures.starterSuite()), props, Map.of(),
                l -> { });
        assertThat(b.submit().requests()).isEqualTo(3 * one);
        Batches.Collected c = Batches.forState(tmp.resolve("k3.json"), Map.of(), l -> { })
                .collect(false, Duration.ofMillis(1), false);
        assertThat(c.answers()).isEqualTo(3 * one);
        Batches after = Batches.forState(tmp.resolve("k3.json"), Map.of(), l -> { });
        // each answer: 1 token in, 1 out; (2 + 8) USD per million tokens at a quarter of the price
        assertThat(after.batchCost()).isCloseTo(3 * one * 10 / 1e6 * 0.25, org.assertj.core.data.Offset.offset(1e-12));
    }
}
