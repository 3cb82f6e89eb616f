package dev.clp.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clp.suite.PairIds;
import dev.clp.suite.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code clp.shard=i/n}: parsing, its messages, and which shard a pair belongs to. */
class ShardTest {

    private static ClpConfig config(Map<String, String> params, Map<String, String> env) {
        return ClpConfig.from(k -> Optional.ofNullable(params.get(k)), env);
    }

    @Test
    void anUnsetShardIsTheWholeRunAndIOfNIsParsed() {
        assertThat(config(Map.of(), Map.of()).shard()).isEmpty();
        assertThat(config(Map.of("clp.shard", "2/3"), Map.of()).shard()).contains(new ClpConfig.Shard(2, 3));
        assertThat(config(Map.of(), Map.of("CLP_SHARD", " 1 / 1 ")).shard()).contains(new ClpConfig.Shard(1, 1));
    }

    @Test
    void aBadShardNamesTheKeyAndTheValue() {
        for (String bad : List.of("0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/1001", "2/3/4")) {
            assertThatThrownBy(() -> config(Map.of("clp.shard", bad), Map.of()))
                    .as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("clp.shard: expected i/n with 1 ≤ i ≤ n ≤ 1000 (e.g. 2/3), found '")
                    .hasMessageContaining(bad.strip());
        }
    }

    @Test
    void everyPairIsInExactlyOneShardAndTheShardsAreBalanced() {
        List<String> ids = ids("sw", 3000, new Random(1));
        int[] sizes = new int[3];
        for (String id : ids) {
            int in = 0;
            for (int i = 1; i <= 3; i++) {
                if (new ClpConfig.Shard(i, 3).includes(id)) {
                    in++;
                    sizes[i - 1]++;
                }
            }
            assertThat(in).as(id).isEqualTo(1);
        }
        System.out.printf("3,000 pairs in 3 shards: %d, %d, %d%n", sizes[0], sizes[1], sizes[2]);
        for (int size : sizes) {
            assertThat(size).isBetween(900, 1100);
        }
    }

    /** Property: over random suites, adding pairs (anywhere in a file) or languages moves no pair to another shard. */
    @Test
    void aPairKeepsItsShardWhenPairsOrLanguagesAreAdded() {
        Random random = new Random(17);
        for (int trial = 0; trial < 200; trial++) {
            int count = 1 + random.nextInt(8);
            List<String> before = new ArrayList<>(ids("yo", 1 + random.nextInt(50), random));
            Map<String, Integer> shardOf = new HashMap<>();
            before.forEach(id -> shardOf.put(id, ClpConfig.Shard.of(id, count)));
            List<String> after = new ArrayList<>(before);
            for (String added : ids("yo", 1 + random.nextInt(50), random)) {
                after.add(random.nextInt(after.size() + 1), added);
            }
            after.addAll(ids("zu", random.nextInt(30), random));
            for (String id : after) {
                if (shardOf.containsKey(id)) {
                    assertThat(ClpConfig.Shard.of(id, count)).as("%s of %d shards", id, count)
                            .isEqualTo(shardOf.get(id));
                }
                assertThat(ClpConfig.Shard.of(id, count)).isBetween(1, count);
            }
        }
    }

    private static List<String> ids(String lang, int n, Random random) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(PairIds.of(lang, new Side("question " + random.nextLong(), List.of("a", "b", "c", "d"), 0)));
        }
        return ids;
    }
}
