package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.clp.run.GatesDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The published pairs of the 12 languages at hand (../shared/clp-dataset, or CLP_DATASET; skipped when absent,
 * nothing of it committed) run whole and as 3 shards, merged: the same gates.json verdicts and exit status.
 */
class ShardedDatasetTest {

    @TempDir
    Path tmp;

    private static Path dataset() {
        String env = System.getenv("CLP_DATASET");
        return Path.of(env != null ? env : System.getProperty("clp.test.dataset", "../../shared/clp-dataset"));
    }

    private Cli.Result run(Path suite, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--suite", suite.toString(), "-Dclp.model=sim:gpt-4o-mini",
                "-Dclp.results.dir=" + tmp.resolve(name), "-Dclp.allure=off", "-Dclp.cache=off"));
        args.addAll(List.of(more));
        return Cli.clp(args.toArray(String[]::new));
    }

    @Test
    void theTwelveImportedLanguagesAsThreeMergedShardsGiveTheWholeRunsVerdictsAndStatus() throws Exception {
        Path pairs = dataset().resolve("pairs");
        assumeTrue(Files.isDirectory(pairs), "the shared dataset is not present at " + pairs.toAbsolutePath());
        Path suite = tmp.resolve("clp");
        Cli.Result imported = Cli.clp("import", "clp", "--input", pairs.toString(), "--output", suite.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();

        long t0 = System.nanoTime();
        Cli.Result whole = run(suite, "whole");
        double wholeSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> merge = new ArrayList<>(List.of("merge"));
        t0 = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            Cli.Result shard = run(suite, "shard" + i, "-Dclp.shard=" + i + "/3");
            assertThat(shard.exit()).as(shard.out() + shard.err()).isZero();
            merge.add(tmp.resolve("shard" + i).toString());
        }
        merge.addAll(List.of("--output", tmp.resolve("merged").toString()));
        Cli.Result merged = Cli.clp(merge.toArray(String[]::new));
        double shardSeconds = (System.nanoTime() - t0) / 1e9;

        assertThat(merged.exit()).as(merged.out() + merged.err()).isEqualTo(whole.exit());
        GatesDocument a = GatesDocument.read(tmp.resolve("whole/gates.json"));
        GatesDocument b = GatesDocument.read(tmp.resolve("merged/gates.json"));
        assertThat(b.gates()).hasSize(24).usingRecursiveFieldByFieldElementComparator(dev.clp.testing.LastBits.comparison())
                .isEqualTo(a.gates());
        Map<String, Long> verdicts = b.gates().stream().collect(Collectors.groupingBy(g -> g.kind() + " " + g.verdict(),
                TreeMap::new, Collectors.counting()));
        System.out.printf("published pairs, 12 languages, sim:gpt-4o-mini: whole run exit %d in %.1f s; 3 shards + "
                + "clp merge exit %d in %.1f s; %d gates identical: %s%n", whole.exit(), wholeSeconds, merged.exit(),
                shardSeconds, b.gates().size(), verdicts);
    }
}
