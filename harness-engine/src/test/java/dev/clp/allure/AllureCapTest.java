package dev.clp.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import dev.clp.run.RunDocument;
import dev.clp.scoring.Baseline;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A report that stays small when most pairs are weak: known weak pairs (weak in the baseline too) are folded, and each
 * suite and language keeps at most {@code clp.allure.max-pairs} results of their own; the rest are one failed result.
 */
class AllureCapTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * A kept pair's result waits for the end of the run as its JSON text, not as a Jackson tree: a tree of a pair's
     * result (labels, parameters, links) is several times its text, and each suite and language keeps up to
     * {@code clp.allure.max-pairs} of them for the whole run (issue 17.3).
     */
    @Test
    void aKeptResultWaitsAsTextNotAsATree() {
        for (java.lang.reflect.RecordComponent c : Capped.Entry.class.getRecordComponents()) {
            assertThat(com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(c.getType()))
                    .as("Capped.Entry.%s (%s)", c.getName(), c.getType().getSimpleName()).isFalse();
        }
    }

    /**
     * And compressed: a kept result's JSON and its attachment (both prompts, the raw answers) are mostly repeated text,
     * and the result of every kept pair waits until the end of the run; what is written is the text itself.
     */
    @Test
    void aKeptResultWaitsCompressed() {
        String attachment = "English prompt\n==============\nAnswer with the letter of the right option.\n"
                + "A. Nairobi\nB. Mombasa\n".repeat(20) + "Jibu kwa herufi ya chaguo sahihi. 答えは B です。\n";
        byte[] packed = Capped.pack(attachment);
        assertThat(packed.length).as("packed bytes of %s characters", attachment.length())
                .isLessThan(attachment.length() / 3);
        assertThat(Capped.unpack(packed)).isEqualTo(attachment);
        assertThat(Capped.unpack(Capped.pack(""))).isEmpty();
        assertThat(Capped.unpack(null)).isNull();
        for (java.lang.reflect.RecordComponent c : Capped.Entry.class.getRecordComponents()) {
            if (c.getName().equals("result") || c.getName().equals("attachment")) {
                assertThat(c.getType()).as("Capped.Entry.%s", c.getName()).isEqualTo(byte[].class);
            }
        }
    }

    @Test
    void withABaselineKnownWeakPairsAreFoldedAndNewWeakPairsKeepTheirOwnResult() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 40, "sw");
        Path baseline = tmp.resolve("baseline.json");
        kit(suite, "sim:gpt-4o", tmp.resolve("a0")).configurationParameter("clp.baseline", baseline.toString())
                .configurationParameter("clp.baseline.update", "true").execute();
        Path allure = tmp.resolve("a1");
        kit(suite, "sim:gpt-4o-regressed", allure).configurationParameter("clp.baseline", baseline.toString()).execute();
        Baseline before = Baseline.read(baseline);
        List<RunDocument.PairResult> weak = run(allure).pairs().stream().filter(p -> "weak".equals(p.outcome()))
                .toList();
        List<RunDocument.PairResult> known = weak.stream()
                .filter(p -> before.pair("s", p.id()).map(Baseline.PairResult::weak).orElse(false)).toList();
        List<RunDocument.PairResult> fresh = weak.stream().filter(p -> !known.contains(p)).toList();
        assertThat(known).as("known weak pairs in this run").isNotEmpty();
        assertThat(fresh).as("new weak pairs in this run").isNotEmpty();
        List<JsonNode> results = results(allure);
        List<String> own = results.stream().filter(r -> !hasTag(r, "folded") && !hasTag(r, "gate"))
                .map(r -> r.get("name").asText()).toList();
        for (RunDocument.PairResult p : fresh) {
            assertThat(own).as("a new weak pair keeps its own result").anySatisfy(n -> assertThat(n).contains(p.id()));
        }
        for (RunDocument.PairResult p : known) {
            assertThat(own).as("a known weak pair is folded").noneSatisfy(n -> assertThat(n).contains(p.id()));
        }
        JsonNode fold = results.stream().filter(r -> hasTag(r, "folded")).reduce((a, b) -> {
            throw new AssertionError("two folded results");
        }).orElseThrow();
        assertThat(fold.get("name").asText()).contains(known.size() + " known weak");
        String listing = attachment(allure, fold);
        for (RunDocument.PairResult p : known) {
            assertThat(listing).contains(p.id() + "  line " + lineOf(suite, p.id()) + "  known weak\n");
        }
        assertThat(fold.get("status").asText()).isEqualTo("passed");
    }

    @Test
    void beyondTheCapThePairsThatNeedALookAreOneFailedResultListingThemAndTheGatesStayFailed() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 40, "sw");
        Path uncapped = tmp.resolve("uncapped");
        kit(suite, "sim:llama-3.1-8b", uncapped).configurationParameter("clp.allure.max-pairs", "0").execute();
        Path allure = tmp.resolve("capped");
        kit(suite, "sim:llama-3.1-8b", allure).configurationParameter("clp.allure.max-pairs", "3").execute();
        List<RunDocument.PairResult> looks = new ArrayList<>(run(allure).pairs().stream()
                .filter(p -> !"consistent".equals(p.outcome()) && !"not-applicable".equals(p.outcome())).toList());
        assertThat(looks).as("more pairs that need a look than the cap").hasSizeGreaterThan(5);
        assertThat(results(uncapped)).as("0 = no cap").filteredOn(r -> !hasTag(r, "folded") && !hasTag(r, "gate"))
                .hasSize(looks.size());
        looks.sort(Comparator.comparingInt((RunDocument.PairResult p) -> "weak".equals(p.outcome()) ? 0 : 1)
                .thenComparingInt(p -> lineOf(suite, p.id())));
        List<JsonNode> results = results(allure);
        List<JsonNode> own = results.stream().filter(r -> !hasTag(r, "folded") && !hasTag(r, "gate")
                && !hasTag(r, "capped")).toList();
        assertThat(own).as("the first 3 by rank (weak first) and line keep their own result").hasSize(3);
        for (RunDocument.PairResult p : looks.subList(0, 3)) {
            assertThat(own).anySatisfy(r -> assertThat(r.get("name").asText()).contains(p.id()));
        }
        JsonNode capped = results.stream().filter(r -> hasTag(r, "capped")).reduce((a, b) -> {
            throw new AssertionError("two capped results");
        }).orElseThrow(() -> new AssertionError("no result for the pairs beyond the cap"));
        int more = looks.size() - 3;
        assertThat(capped.get("status").asText()).isEqualTo("failed");
        assertThat(capped.get("name").asText()).startsWith("[s] Swahili (sw): " + more + " more ");
        assertThat(capped.at("/statusDetails/message").asText()).startsWith("[lang=sw] ");
        assertThat(capped.get("description").asText()).contains("clp report").contains("run.json")
                .contains("clp.allure.max-pairs=0");
        String listing = attachment(allure, capped);
        assertThat(listing).as("ids, lines and letters only, no prompt").doesNotContain("Answer with");
        List<Integer> at = new ArrayList<>();
        for (RunDocument.PairResult p : looks.subList(3, looks.size())) {
            assertThat(listing).contains(p.id() + "  line " + lineOf(suite, p.id()) + "  " + p.outcome());
            at.add(listing.indexOf(p.id() + "  line "));
        }
        assertThat(at).as("listed weak first, then by line").isSorted();
        for (RunDocument.PairResult p : looks.subList(0, 3)) {
            assertThat(listing).doesNotContain(p.id() + "  line ");
        }
        assertThat(gateStatuses(results)).as("the cap hides no failed gate").isEqualTo(gateStatuses(results(uncapped)))
                .containsValue("failed");
    }

    @Test
    void aNegativeCapIsRefusedNamingTheKey() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        var events = kit(suite, "sim:default", tmp.resolve("a")).configurationParameter("clp.allure.max-pairs", "-1")
                .execute().allEvents();
        assertThat(events.failed().stream().map(e -> String.valueOf(e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(
                org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))))
                .anySatisfy(m -> assertThat(m).contains("clp.allure.max-pairs").contains("-1"));
    }

    private EngineTestKit.Builder kit(Path suite, String model, Path allure) {
        return EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .configurationParameter("clp.results.dir", allure.resolveSibling(allure.getFileName() + "-clp").toString())
                .configurationParameter("clp.allure.results-dir", allure.toString())
                .selectors(selectDirectory(suite.toFile()));
    }

    private static RunDocument run(Path allure) {
        return RunDocument.read(allure.resolveSibling(allure.getFileName() + "-clp").resolve("run.json"));
    }

    private static Map<String, String> gateStatuses(List<JsonNode> results) {
        Map<String, String> out = new java.util.TreeMap<>();
        results.stream().filter(r -> hasTag(r, "gate")).forEach(r -> out.put(r.get("name").asText(),
                r.get("status").asText()));
        return out;
    }

    private static List<JsonNode> results(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    private static String attachment(Path dir, JsonNode result) throws IOException {
        assertThat(result.get("attachments")).hasSize(1);
        return Files.readString(dir.resolve(result.at("/attachments/0/source").asText()));
    }

    private static boolean hasTag(JsonNode result, String tag) {
        for (JsonNode l : result.get("labels")) {
            if ("tag".equals(l.get("name").asText()) && tag.equals(l.get("value").asText())) {
                return true;
            }
        }
        return false;
    }

    private static int lineOf(Path suite, String id) {
        try {
            List<String> lines = Files.readAllLines(suite.resolve("pairs-sw.jsonl"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("\"id\":\"" + id + "\"")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(id + " not in " + suite.resolve("pairs-sw.jsonl"));
    }
}
