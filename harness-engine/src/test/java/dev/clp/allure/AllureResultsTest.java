package dev.clp.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The Allure results the engine writes: one per pair and gate, labels, parameters, attachments, categories. */
class AllureResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-allure-secret-0123456789";
    private static final String HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)> " + "B".repeat(5000);

    @TempDir
    Path tmp;

    private List<JsonNode> results(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                out.add(JSON.readTree(f.toFile()));
            }
        }
        return out;
    }

    private static boolean hasTag(JsonNode result, String tag) {
        for (JsonNode l : result.get("labels")) {
            if ("tag".equals(l.get("name").asText()) && tag.equals(l.get("value").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode l : result.get("labels")) {
            if (name.equals(l.get("name").asText())) {
                return l.get("value").asText();
            }
        }
        return null;
    }

    @Test
    void everyPairAndGateIsOneResultWithItsLanguageBothPromptsAndBothAnswers() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 8, "sw", "ar");
        Path allure = tmp.resolve("allure-results");
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String body = request.getBody().readUtf8();
                    // English right ("A" for answer-0 pairs), Arabic hostile text, Swahili always "A"
                    String answer = body.contains("[ar]") ? HOSTILE : "A";
                    return new MockResponse().setBodyDelay(30, java.util.concurrent.TimeUnit.MILLISECONDS)
                            .setHeader("Content-Type", "application/json").setBody(JSON.createObjectNode()
                            .set("choices", JSON.createArrayNode().add(JSON.createObjectNode().set("message",
                                    JSON.createObjectNode().put("role", "assistant").put("content", answer)))).toString());
                }
            });
            server.start();
            EngineTestKit.engine(new ClpTestEngine(Map.of("T_KEY", KEY, "GITHUB_ACTIONS", "true",
                            "GITHUB_REPOSITORY", "acme/models", "GITHUB_RUN_ID", "77", "GITHUB_RUN_NUMBER", "12",
                            "GITHUB_WORKFLOW", "model-gate", "GITHUB_SHA", "abc123")))
                    .configurationParameter("clp.model", "openai:m")
                    .configurationParameter("clp.endpoint", server.url("/v1").toString().replace("http://", "http://user:pw@"))
                    .configurationParameter("clp.api-key-env", "T_KEY")
                    .configurationParameter("clp.cache", "off")
                    .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                    .configurationParameter("clp.allure.results-dir", allure.toString())
                    .configurationParameter("clp.allure.pairs", "all")
                    .selectors(selectDirectory(suite.toFile()))
                    .execute();
        }

        List<JsonNode> results = results(allure);
        // per language 8 pairs, the coverage and the gap gate
        assertThat(results).hasSize(2 * 8 + 2 * 2);
        List<JsonNode> gates = results.stream().filter(r -> "blocker".equals(label(r, "severity"))).toList();
        assertThat(gates).hasSize(2 * 2).allSatisfy(g -> assertThat(label(g, "story")).isEqualTo("gates"));
        for (JsonNode r : results) {
            String lang = label(r, "targetLang");
            assertThat(lang).isIn("sw", "ar");
            assertThat(label(r, "epic")).isEqualTo("s");
            assertThat(label(r, "feature")).isIn("Swahili (sw)", "Arabic (ar)");
            assertThat(label(r, "model")).isEqualTo("openai:m");
            assertThat(label(r, "language")).as("'language' is Allure's programming-language label").isNull();
            assertThat(r.get("parameters")).allSatisfy(p -> assertThat(p.get("excluded").asBoolean()).isTrue());
            assertThat(r.get("historyId").asText()).hasSize(32);
            if (!"blocker".equals(label(r, "severity"))) {
                assertThat(r.get("stop").asLong() - r.get("start").asLong())
                        .as("a pair's start and stop are those of its model calls, not of JUnit's reporting").isGreaterThanOrEqualTo(30);
            }
            if (!"passed".equals(r.get("status").asText())) {
                assertThat(r.at("/statusDetails/message").asText()).startsWith("[lang=" + lang + "]");
            }
        }
        // every Arabic answer is the hostile text, which names no option: unparseable (broken) where English was
        // right, not applicable (skipped) where English "A" was wrong
        List<JsonNode> arabicPairs = results.stream().filter(r -> "ar".equals(label(r, "targetLang"))
                && !"blocker".equals(label(r, "severity"))).toList();
        assertThat(arabicPairs).hasSize(8).allSatisfy(r -> assertThat(r.get("status").asText())
                .isEqualTo(hasTag(r, "unparseable") ? "broken" : "skipped"));
        assertThat(arabicPairs).filteredOn(r -> hasTag(r, "unparseable")).isNotEmpty();
        JsonNode hostileArabic = arabicPairs.stream().filter(r -> hasTag(r, "unparseable")).findFirst().orElseThrow();
        List<String> names = new ArrayList<>();
        hostileArabic.get("attachments").forEach(a -> names.add(a.get("name").asText()));
        assertThat(names).as("one file per pair: both prompts, both answers, the choices").containsExactly(
                "Prompts and answers");
        assertThat(hostileArabic.at("/attachments/0/type").asText()).isEqualTo("text/plain");
        String text = Files.readString(allure.resolve(hostileArabic.at("/attachments/0/source").asText()));
        assertThat(text).as("sections in reading order").containsSubsequence("English prompt\n", "Arabic prompt\n",
                "[ar]", "English answer\n", "Arabic answer\n" + "=".repeat("Arabic answer".length()) + "\n" + HOSTILE
                        + "\n\n", "Extracted choices\n", "ar: expected ");
        assertThat(text).as("the answer kept verbatim, as text/plain").contains(HOSTILE);
        Map<String, String> params = new java.util.HashMap<>();
        hostileArabic.get("parameters").forEach(p -> params.put(p.get("name").asText(), p.get("value").asText()));
        assertThat(params.get("Arabic answer")).as("the choice at a glance").matches("unparseable \\(expected [A-D]\\)");
        assertThat(params.get("English answer")).matches("[A-D] \\(expected [A-D]\\)");

        JsonNode categories = JSON.readTree(allure.resolve("categories.json").toFile());
        List<String> categoryNames = new ArrayList<>();
        categories.forEach(c -> categoryNames.add(c.get("name").asText()));
        assertThat(categoryNames).contains("Swahili (sw): weak pairs", "Arabic (ar): weak pairs",
                "Arabic (ar): failing gates", "Unparseable answers", "Transport errors");
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(allure.resolve("environment.properties"))) {
            env.load(in);
        }
        assertThat(env.getProperty("model")).isEqualTo("openai:m");
        assertThat(env.getProperty("endpoint")).matches("http://(localhost|127\\.0\\.0\\.1):\\d+").doesNotContain("pw");
        assertThat(env.getProperty("git commit")).isEqualTo("abc123");
        JsonNode executor = JSON.readTree(allure.resolve("executor.json").toFile());
        assertThat(executor.get("buildUrl").asText()).isEqualTo("https://github.com/acme/models/actions/runs/77");
        assertThat(executor.get("buildOrder").asLong()).isEqualTo(12);
        try (Stream<Path> all = Files.list(allure)) {
            for (Path f : all.toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(KEY).doesNotContain("user:pw");
            }
        }
    }

    @Test
    void swahiliWeakPairsFailAndLandInTheirLanguageCategory() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 40, "sw");
        Path allure = tmp.resolve("allure-results");
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", "sim:llama-3.1-8b")
                .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                .configurationParameter("clp.allure.results-dir", allure.toString())
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        List<JsonNode> failed = results(allure).stream().filter(r -> "failed".equals(r.get("status").asText())
                && hasTag(r, "weak")).toList();
        assertThat(failed).isNotEmpty();
        JsonNode category = null;
        for (JsonNode c : JSON.readTree(allure.resolve("categories.json").toFile())) {
            if (c.get("name").asText().equals("Swahili (sw): weak pairs")) {
                category = c;
            }
        }
        assertThat(category).isNotNull();
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile(category.get("messageRegex").asText());
        assertThat(failed).allSatisfy(r -> assertThat(regex.matcher(r.at("/statusDetails/message").asText()).matches())
                .as(r.at("/statusDetails/message").asText()).isTrue());
        assertThat(Files.exists(allure.resolve("executor.json"))).as("not on CI").isFalse();
    }

    @Test
    void onlyPairsThatNeedALookCarryTheirPromptsAndAnswersAndRunSettingsAreShownOnce() throws Exception {
        // a single-file report of 4,189 pairs was 54 MB: a consistent pair's prompts, and the model, K and
        // temperature on every result, are in run.json and on the overview (environment.properties)
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 40, "sw");
        Path allure = tmp.resolve("allure-results");
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", "sim:llama-3.1-8b")
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                .configurationParameter("clp.allure.results-dir", allure.toString())
                .configurationParameter("clp.allure.pairs", "all")
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        List<JsonNode> pairs = results(allure).stream().filter(r -> !"blocker".equals(label(r, "severity"))).toList();
        assertThat(pairs).hasSize(40);
        assertThat(pairs).filteredOn(r -> hasTag(r, "weak")).as("weak pairs in this run").isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("attachments")).singleElement()
                        .satisfies(a -> assertThat(a.get("name").asText()).isEqualTo("Prompts and answers")));
        assertThat(pairs).filteredOn(r -> hasTag(r, "consistent") || hasTag(r, "not-applicable"))
                .as("consistent and not applicable pairs in this run").isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("attachments")).isEmpty());
        for (JsonNode r : pairs) {
            List<String> parameters = new ArrayList<>();
            r.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
            assertThat(parameters).as("the letters chosen, at a glance").containsExactly("English answer",
                    "Swahili answer");
        }
        try (Stream<Path> files = Files.list(allure)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith("-attachment.txt")).count())
                    .as("an attachment per pair that needs a look, one per gate")
                    .isEqualTo(pairs.stream().filter(r -> !r.get("attachments").isEmpty()).count() + 2);
        }
        Properties env = new Properties();
        try (var in = Files.newBufferedReader(allure.resolve("environment.properties"))) {
            env.load(in);
        }
        assertThat(env).containsEntry("model", "sim:llama-3.1-8b (SIMULATED)").containsEntry("samples (K)", "1")
                .containsKey("temperature");
    }

    /** The line of the suite file of {@code lang} that holds pair {@code id}. */
    private static int lineOf(Path suite, String lang, String id) throws IOException {
        List<String> lines = Files.readAllLines(suite.resolve("pairs-" + lang + ".jsonl"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"id\":\"" + id + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError(id + " not in " + suite.resolve("pairs-" + lang + ".jsonl"));
    }

    private static Map<String, String> parameters(JsonNode result) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        result.get("parameters").forEach(p -> params.put(p.get("name").asText(), p.get("value").asText()));
        return params;
    }

    @Test
    void consistentPairsAreFoldedIntoOneResultPerSuiteAndLanguageAndEveryPairThatNeedsALookKeepsItsOwn()
            throws Exception {
        // a single-file report of 4,189 pairs was 47.7 MB, half of it Allure's own data per result: the pairs
        // that need no look (right in both languages, or wrong in English too) are one result per language
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 40, "sw", "yo");
        Path allure = tmp.resolve("allure-results");
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", "sim:llama-3.1-8b")
                .configurationParameter("clp.gate.allow-underpowered", "true")
                .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                .configurationParameter("clp.allure.results-dir", allure.toString())
                .selectors(selectDirectory(suite.toFile()))
                .execute();
        dev.clp.run.RunDocument run = dev.clp.run.RunDocument.read(tmp.resolve("clp/run.json"));
        assertThat(run.pairs()).hasSize(80);
        List<JsonNode> results = results(allure);
        for (String lang : List.of("sw", "yo")) {
            List<dev.clp.run.RunDocument.PairResult> mine = run.pairs().stream().filter(p -> lang.equals(p.lang()))
                    .toList();
            List<dev.clp.run.RunDocument.PairResult> folded = mine.stream()
                    .filter(p -> "consistent".equals(p.outcome()) || "not-applicable".equals(p.outcome())).toList();
            List<dev.clp.run.RunDocument.PairResult> looks = mine.stream().filter(p -> !folded.contains(p)).toList();
            assertThat(folded).as("pairs that need no look in this run").isNotEmpty();
            assertThat(looks).as("pairs that need a look in this run").isNotEmpty();
            List<JsonNode> own = results.stream().filter(r -> lang.equals(label(r, "targetLang"))
                    && !"blocker".equals(label(r, "severity")) && !hasTag(r, "folded")).toList();
            assertThat(own).as("a result of its own for each pair that needs a look, and for no other pair")
                    .hasSize(looks.size()).noneSatisfy(r -> assertThat(hasTag(r, "consistent")).isTrue())
                    .noneSatisfy(r -> assertThat(hasTag(r, "not-applicable")).isTrue())
                    .allSatisfy(r -> assertThat(r.get("attachments")).singleElement()
                            .satisfies(a -> assertThat(a.get("name").asText()).isEqualTo("Prompts and answers")));
            JsonNode fold = results.stream().filter(r -> lang.equals(label(r, "targetLang")) && hasTag(r, "folded"))
                    .reduce((a, b) -> {
                        throw new AssertionError("two folded results for " + lang);
                    }).orElseThrow(() -> new AssertionError("no folded result for " + lang));
            assertThat(fold.get("status").asText()).isEqualTo("passed");
            assertThat(label(fold, "epic")).isEqualTo("s");
            assertThat(label(fold, "suite")).isEqualTo(dev.clp.suite.Languages.name(lang) + " (" + lang + ")");
            assertThat(fold.get("historyId").asText()).hasSize(32);
            long consistent = folded.stream().filter(p -> "consistent".equals(p.outcome())).count();
            assertThat(parameters(fold)).containsEntry("consistent pairs", String.valueOf(consistent))
                    .containsEntry("not applicable pairs", String.valueOf(folded.size() - consistent));
            assertThat(fold.get("name").asText()).contains(dev.clp.suite.Languages.name(lang))
                    .contains(folded.size() + " pairs");
            assertThat(fold.get("attachments")).hasSize(1);
            String listing = Files.readString(allure.resolve(fold.at("/attachments/0/source").asText()));
            for (dev.clp.run.RunDocument.PairResult p : folded) {
                assertThat(listing).as("the folded pair's id, line and outcome").contains(
                        p.id() + "  line " + lineOf(suite, lang, p.id()) + "  " + p.outcome() + "\n");
            }
            for (dev.clp.run.RunDocument.PairResult p : looks) {
                assertThat(listing).doesNotContain(p.id());
            }
            assertThat(listing).as("ids and lines only, no prompt or answer").doesNotContain("Answer with");
        }
        assertThat(results).as("own results, one folded result per language, two gates per language")
                .hasSize(run.pairs().stream().filter(p -> !"consistent".equals(p.outcome())
                        && !"not-applicable".equals(p.outcome())).toList().size() + 2 + 2 * 2);
    }

    @Test
    void withAllEveryPairKeepsItsOwnResultAndARerunInTheDefaultModeRemovesTheFoldedPairsResults() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 20, "sw");
        Path allure = tmp.resolve("allure-results");
        simulated(suite, allure).configurationParameter("clp.allure.pairs", "all").execute();
        List<JsonNode> every = results(allure);
        assertThat(every).as("20 pairs and 2 gates").hasSize(20 + 2).noneSatisfy(r -> assertThat(hasTag(r, "folded"))
                .isTrue());
        long needNoLook = every.stream().filter(r -> hasTag(r, "consistent") || hasTag(r, "not-applicable")).count();
        assertThat(needNoLook).isPositive();

        simulated(suite, allure).execute();
        List<JsonNode> folded = results(allure);
        assertThat(folded).as("the earlier run's results of the pairs now folded are gone")
                .hasSize((int) (20 - needNoLook) + 1 + 2);
        assertThat(folded).filteredOn(r -> hasTag(r, "folded")).singleElement()
                .satisfies(r -> assertThat(r.get("name").asText()).contains(needNoLook + " pairs"));
    }

    @Test
    void anUnknownPairsModeIsRefusedNamingTheKeyAndItsValues() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        var events = simulated(suite, tmp.resolve("allure-results")).configurationParameter("clp.allure.pairs", "some")
                .execute().allEvents();
        assertThat(events.failed().stream().map(e -> String.valueOf(e.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).flatMap(
                org.junit.platform.engine.TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))))
                .anySatisfy(m -> assertThat(m).contains("clp.allure.pairs").contains("needs-look").contains("all")
                        .contains("some"));
    }

    /** The simulator on a suite, with its Allure results in {@code allure}. */
    private EngineTestKit.Builder simulated(Path suite, Path allure) {
        return EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", "sim:default")
                .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                .configurationParameter("clp.allure.results-dir", allure.toString())
                .selectors(selectDirectory(suite.toFile()));
    }

    @Test
    void aRunReplacesTheEngineEarlierResultsAndLeavesOtherFilesAlone() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 5, "sw");
        Path allure = tmp.resolve("allure-results");
        Files.createDirectories(allure.resolve("history"));
        Files.writeString(allure.resolve("history/history.json"), "{}");
        Files.writeString(allure.resolve("0b1c-result.json"), "{\"uuid\":\"0b1c\",\"name\":\"another engine's test\"}");
        Runnable run = () -> simulated(suite, allure).configurationParameter("clp.allure.pairs", "all").execute();
        run.run();
        List<JsonNode> first = results(allure);
        // a pair that was in the first run and is gone in the second: its files must go too
        SuiteFixtures.suite(suite, "s", 4, "sw");
        run.run();
        List<JsonNode> second = results(allure);
        // a language has two gates: coverage and gap
        assertThat(first).hasSize(5 + 2 + 1);
        assertThat(second).as("4 pairs + 2 gates of this run, and the other engine's result").hasSize(4 + 2 + 1);
        assertThat(second).extracting(r -> r.get("uuid").asText()).contains("0b1c")
                .doesNotContainAnyElementsOf(first.stream().map(r -> r.get("uuid").asText()).filter(u -> !"0b1c".equals(u))
                        .toList());
        try (Stream<Path> files = Files.list(allure)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith("-attachment.txt")).count())
                    .as("attachments of this run only: one per pair that needs a look, one per gate")
                    .isEqualTo(second.stream().filter(r -> r.has("attachments") && !r.get("attachments").isEmpty())
                            .count());
        }
        assertThat(allure.resolve("history/history.json")).hasContent("{}");

        simulated(suite, allure).configurationParameter("clp.allure.clean", "false")
                .configurationParameter("clp.allure.pairs", "all").execute();
        assertThat(results(allure)).as("clp.allure.clean=false keeps the earlier run").hasSize(2 * (4 + 2) + 1);
    }

    @Test
    void aRerunOverwritesLongerFilesOfTheEarlierRunWithoutLeavingTheirTail() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 3, "sw");
        Path allure = tmp.resolve("allure-results");
        Runnable run = () -> simulated(suite, allure).configurationParameter("clp.allure.pairs", "all").execute();
        run.run();
        List<Path> files;
        try (Stream<Path> list = Files.list(allure)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("clp-")).toList();
        }
        for (Path f : files) {
            Files.writeString(f, "TAIL-OF-AN-EARLIER-RUN".repeat(3), java.nio.file.StandardOpenOption.APPEND);
        }

        run.run();

        ObjectMapper strict = new ObjectMapper().enable(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // a result per pair and per gate (coverage, gap), an attachment per gate and per pair that needs a look
        assertThat(files).hasSize(3 + 2 + 2 + (int) results(allure).stream()
                .filter(r -> !"blocker".equals(label(r, "severity")) && !r.get("attachments").isEmpty()).count());
        for (Path f : files) {
            String text = Files.readString(f);
            assertThat(text).as(f.toString()).doesNotContain("TAIL-OF-AN-EARLIER-RUN");
            if (f.toString().endsWith("-result.json")) {
                assertThat(strict.readTree(text).get("name").asText()).isNotEmpty();
            }
        }
    }

    @Test
    void offWritesNothing() {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "s", 2, "sw");
        simulated(suite, tmp.resolve("allure-results")).configurationParameter("clp.allure", "off").execute();
        assertThat(tmp.resolve("allure-results")).doesNotExist();
    }
}
