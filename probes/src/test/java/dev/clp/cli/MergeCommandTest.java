package dev.clp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clp run -Dclp.shard=i/n} three times, then {@code clp merge}: the whole run's verdicts and exit status. */
class MergeCommandTest {

    @TempDir
    Path tmp;

    private static final String STARTER = System.getProperty("clp.test.starter-suite",
            "../generated-suites/suites/starter");

    private Cli.Result run(String name, String... keys) {
        List<String> args = new ArrayList<>(List.of("run", "--suite", STARTER, "-Dclp.results.dir=" + tmp.resolve(name),
                "-Dclp.allure=off", "-Dclp.cache.path=" + tmp.resolve("cache.sqlite")));
        for (String k : keys) {
            args.add("-D" + k);
        }
        return Cli.clp(args.toArray(String[]::new));
    }

    /** Three shards of a run with these keys, in directories {@code <prefix>1..3}. */
    private List<String> shards(String prefix, String... keys) {
        List<String> dirs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            List<String> k = new ArrayList<>(List.of(keys));
            k.add("clp.shard=" + i + "/3");
            Cli.Result r = run(prefix + i, k.toArray(String[]::new));
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("shard " + i + "/3: no gate is decided on a shard; clp merge RUN_DIR...");
            dirs.add(tmp.resolve(prefix + i).toString());
        }
        return dirs;
    }

    private Cli.Result merge(List<String> dirs, String... more) {
        List<String> args = new ArrayList<>(List.of("merge"));
        args.addAll(dirs);
        args.addAll(List.of(more));
        return Cli.clp(args.toArray(String[]::new));
    }

    @Nested
    class Merges {

        @Test
        void aPassingRunAndItsMergedShardsExitZeroWithTheSameGates() throws Exception {
            String[] keys = {"clp.model=sim:gpt-4o", "clp.gate.allow-underpowered=true", "clp.gate.min-answered=0.8"};
            sameAsWhole(keys, 0);
        }

        @Test
        void aFailingRunAndItsMergedShardsExitOneWithTheSameGates() throws Exception {
            sameAsWhole(new String[] {"clp.model=sim:llama-3.1-8b"}, 1);
        }

        private void sameAsWhole(String[] keys, int status) throws Exception {
            Cli.Result whole = run("whole", keys);
            Path summary = tmp.resolve("summary.md");
            Cli.Result merged = merge(shards("s", keys), "--output", tmp.resolve("merged").toString(),
                    "--summary-markdown", summary.toString());

            assertThat(merged.exit()).as(merged.out() + merged.err()).isEqualTo(whole.exit()).isEqualTo(status);
            GatesDocument a = GatesDocument.read(tmp.resolve("whole/gates.json"));
            GatesDocument b = GatesDocument.read(tmp.resolve("merged/gates.json"));
            // to the last bits a sum in another order changes (the whole run decides from compact outcomes)
            assertThat(b.gates()).hasSize(32)
                    .usingRecursiveFieldByFieldElementComparator(dev.clp.testing.LastBits.comparison())
                    .isEqualTo(a.gates());
            assertThat(b.failed()).isEqualTo(a.failed());
            RunDocument run = RunDocument.read(tmp.resolve("merged/run.json"));
            assertThat(run.mergedShards()).isEqualTo(3);
            assertThat(run.pairs()).hasSize(192);
            // the same table as the whole run's, from "lang" to the legend
            String table = whole.out().substring(whole.out().indexOf("lang "), whole.out().indexOf("unreadable answers"));
            assertThat(merged.out()).contains(table).contains("merged from 3 shards: model calls");
            assertThat(Files.readString(summary)).contains("sim:");
            System.out.println("starter suite, " + keys[0] + ": whole run exit " + whole.exit() + ", 3 shards merged exit "
                    + merged.exit() + ", " + b.gates().size() + " gates identical (" + b.gates().stream()
                            .filter(GatesDocument.Gate::fails).count() + " failing)");
        }
    }

    @Nested
    class Refuses {

        private final ObjectMapper json = new ObjectMapper();

        /** Copies a shard's directory, changing its run.json. */
        private String edited(String dir, String name, java.util.function.Consumer<ObjectNode> edit) throws Exception {
            ObjectNode root = (ObjectNode) json.readTree(Path.of(dir, "run.json").toFile());
            edit.accept(root);
            Path copy = Files.createDirectories(tmp.resolve(name));
            json.writeValue(copy.resolve("run.json").toFile(), root);
            return copy.toString();
        }

        @Test
        void shardsOfDifferentSettingsAMissingOrRepeatedShardAndAPairInTwoShards() throws Exception {
            List<String> s = shards("r", "clp.model=sim:gpt-4o");

            Cli.Result samples = merge(List.of(s.get(0), edited(s.get(1), "k5", r -> ((ObjectNode) r.get("settings"))
                    .put("samples", 5)), s.get(2)));
            assertThat(samples.exit()).isEqualTo(2);
            assertThat(samples.err()).contains(s.get(0)).contains("k5").contains("differ in settings.samples (1 against 5)");

            Cli.Result model = merge(List.of(s.get(0), s.get(1), edited(s.get(2), "m", r -> r.put("model", "sim:perfect"))));
            assertThat(model.exit()).isEqualTo(2);
            assertThat(model.err()).contains("differ in model (sim:gpt-4o against sim:perfect)");

            Cli.Result suite = merge(List.of(s.get(0), s.get(1), edited(s.get(2), "v", r -> ((ObjectNode) r.get("suites"))
                    .put("starter", "9.9.9"))));
            assertThat(suite.exit()).isEqualTo(2);
            assertThat(suite.err()).contains("differ in suites");

            Cli.Result missing = merge(List.of(s.get(0), s.get(2)));
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).contains("shard 2/3 is missing (given: 1/3 " + s.get(0) + ", 3/3 " + s.get(2) + ")");

            Cli.Result twice = merge(List.of(s.get(0), s.get(1), s.get(1), s.get(2)));
            assertThat(twice.exit()).isEqualTo(2);
            assertThat(twice.err()).contains(s.get(1) + " and " + s.get(1) + " are both shard 2/3");

            String relabelled = edited(s.get(0), "relabelled", r -> ((ObjectNode) r.get("shard")).put("index", 2));
            Cli.Result overlap = merge(List.of(s.get(0), relabelled, s.get(2)));
            assertThat(overlap.exit()).isEqualTo(2);
            assertThat(overlap.err()).contains("is in two shards: " + s.get(0) + " and " + relabelled);

            Cli.Result count = merge(List.of(s.get(0), edited(s.get(1), "of4", r -> ((ObjectNode) r.get("shard"))
                    .put("count", 4)), s.get(2)));
            assertThat(count.exit()).isEqualTo(2);
            assertThat(count.err()).contains("differ in shard.count (3 against 4)");
        }

        @Test
        void aWholeRunAMissingRecordAndAnOutputThatIsAShard() throws Exception {
            Cli.Result whole = run("whole", "clp.model=sim:gpt-4o", "clp.languages=sw");
            Cli.Result notShard = merge(List.of(tmp.resolve("whole").toString()));
            assertThat(notShard.exit()).isEqualTo(2);
            assertThat(notShard.err()).as(whole.out()).contains("a whole run, not a shard").contains("-Dclp.shard=i/n");

            Cli.Result none = merge(List.of(tmp.resolve("nothing").toString()));
            assertThat(none.exit()).isEqualTo(2);
            assertThat(none.err()).contains(tmp.resolve("nothing") + ": no run.json");

            Cli.Result itself = merge(List.of(tmp.resolve("whole").toString()), "--output", tmp.resolve("whole").toString());
            assertThat(itself.exit()).isEqualTo(2);
            assertThat(itself.err()).contains("is the shard");
        }

        @Test
        void shardsThatRanWithABaselineWithoutIt() throws Exception {
            Path baseline = tmp.resolve("baseline.json");
            Cli.Result recorded = run("base", "clp.model=sim:gpt-4o", "clp.languages=sw,yo", "clp.baseline=" + baseline,
                    "clp.baseline.update=true");
            assertThat(baseline).as(recorded.out() + recorded.err()).exists();
            List<String> s = shards("b", "clp.model=sim:gpt-4o", "clp.languages=sw,yo", "clp.baseline=" + baseline);

            Cli.Result without = merge(s);
            assertThat(without.exit()).isEqualTo(2);
            assertThat(without.err()).contains("the shards ran with a baseline (sim:gpt-4o)").contains("--baseline FILE");

            Cli.Result with = merge(s, "--baseline", baseline.toString(), "--output", tmp.resolve("m").toString());
            Cli.Result whole = run("wholeb", "clp.model=sim:gpt-4o", "clp.languages=sw,yo", "clp.baseline=" + baseline);
            assertThat(with.exit()).as(with.out() + with.err()).isEqualTo(whole.exit());
            GatesDocument merged = GatesDocument.read(tmp.resolve("m/gates.json"));
            assertThat(merged.gate("sw", "regression")).isPresent();
            assertThat(merged.gates()).usingRecursiveFieldByFieldElementComparator(dev.clp.testing.LastBits.comparison())
                    .isEqualTo(GatesDocument.read(tmp.resolve("wholeb/gates.json")).gates());
        }
    }
}
