package dev.clp.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.suite.Pair;
import dev.clp.suite.PairIds;
import dev.clp.suite.Perturbation;
import dev.clp.suite.Side;
import dev.clp.suite.SuiteManifest;
import dev.clp.suite.SuiteWriter;
import dev.clp.testing.SuiteFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A pair's test keeps what names and finds it, not its text: the text is read from the pairs file when the pair runs
 * (a 50,000-pair suite's text is about 150 MB), and the test is named exactly as it was when it held the text.
 */
class LazyPairTextTest {

    @TempDir
    Path tmp;

    private final MockWebServer server = new MockWebServer();
    private final Queue<String> asked = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                asked.add(request.getBody().readUtf8());
                return new MockResponse().setHeader("Content-Type", "application/json").setBody(
                        "{\"choices\":[{\"message\":{\"content\":\"A\"},\"finish_reason\":\"stop\"}]}");
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private final Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false).addTestEngines(new ClpTestEngine(Map.of())).build());

    private TestPlan discover(Path suite) {
        return launcher.discover(LauncherDiscoveryRequestBuilder.request().selectors(selectDirectory(suite.toFile()))
                .configurationParameters(Map.of("clp.model", "openai:m", "clp.endpoint", server.url("/v1").toString(),
                        "clp.cache", "off", "clp.results.dir", tmp.resolve("results").toString(),
                        "clp.allure.results-dir", tmp.resolve("allure").toString(), "clp.progress", "off"))
                .build());
    }

    /** Executes a discovered plan; the failures' messages by display name. */
    private Map<String, String> execute(TestPlan plan) {
        Map<String, String> failed = new ConcurrentHashMap<>();
        launcher.execute(plan, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed.put(id.getDisplayName(), result.getThrowable().map(Throwable::getMessage).orElse(""));
                }
            }
        });
        return failed;
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void aPairIsReadFromItsFileWhenItRuns() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "lazy", 1, "sw");
        TestPlan plan = discover(suite);
        // same id, same length; another question: what the model is asked is what the file holds when the pair runs
        replace(suite.resolve("pairs-sw.jsonl"), "[sw] Which one is topic0?", "[sw] Which one is TOPIC0?");

        execute(plan);

        assertThat(asked).as("the model was asked the file's text at run time").anyMatch(b -> b.contains("TOPIC0"))
                .noneMatch(b -> b.contains("[sw] Which one is topic0?"));
    }

    @Test
    void aLineThatChangedAfterDiscoveryFailsItsPairNamingFileAndLine() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("s"), "lazy", 2, "sw");
        Path file = suite.resolve("pairs-sw.jsonl");
        TestPlan plan = discover(suite);
        Pair first = SuiteFixtures.pair("sw", "topic0", 0);
        Pair other = SuiteFixtures.pair("sw", "topicX", 0); // another id, the same length of line
        int line = Files.readAllLines(file).indexOf(SuiteWriter.toJsonLine(first)) + 1;
        replace(file, SuiteWriter.toJsonLine(first), SuiteWriter.toJsonLine(other));

        Map<String, String> failed = execute(plan);

        String name = "[lazy] " + first.id() + ": Which one is topic0?";
        assertThat(failed).containsKey(name);
        assertThat(failed.get(name)).contains(file + ":" + line + ": holds pair '" + other.id() + "' where pair '" + first.id()
                + "' was read (the file changed during the run)");
        assertThat(asked).as("the line that changed is not asked").noneMatch(b -> b.contains("topicX"));
    }

    @Test
    void aPairIsNamedFromItsTextAsBefore() throws Exception {
        String longQuestion = "How   many\tlegs has a spider, counting every one of them on both sides of its body and"
                + " not only the front ones?";
        Side en = new Side("Ignore this. " + longQuestion, List.of("six", "eight"), 1);
        Pair perturbed = new Pair(PairIds.of("yo", en), "yo", "fixture", "biology", en,
                new Side("[yo] spider?", List.of("6", "8"), 1),
                new Perturbation(new Perturbation.Part(longQuestion, "Ignore this. ", null), null, 1), Map.of());
        Pair plain = SuiteFixtures.pair("yo", "topic0", 0);
        Path suite = tmp.resolve("n");
        SuiteWriter.writeManifest(suite, new SuiteManifest("names", "0.1.0", "names", null, "MIT", List.of(), Map.of()));
        SuiteWriter.writePairs(suite, "yo", List.of(plain, perturbed));

        TestPlan plan = discover(suite);

        List<TestIdentifier> pairs = plan.getRoots().stream().flatMap(r -> plan.getDescendants(r).stream())
                .filter(t -> t.getUniqueId().contains("[pair:")).toList();
        // the original English question, on one line with its spaces collapsed, cut at 67 characters and "..."
        assertThat(pairs).extracting(TestIdentifier::getDisplayName).containsExactlyInAnyOrder(
                "[names] " + plain.id() + ": Which one is topic0?",
                "[names] " + perturbed.id() + ": How many legs has a spider, counting every one of them on both side"
                        + "...");
        TestIdentifier p = pairs.stream().filter(t -> t.getUniqueId().contains(perturbed.id())).findFirst().orElseThrow();
        assertThat(p.getTags()).extracting(t -> t.getName())
                .containsExactlyInAnyOrder("lang:yo", "source:fixture", "subject:biology");
        int line = Files.readAllLines(suite.resolve("pairs-yo.jsonl")).indexOf(SuiteWriter.toJsonLine(perturbed)) + 1;
        assertThat(line).isPositive();
        assertThat(p.getSource()).hasValueSatisfying(s -> assertThat(s.toString()).contains("line = " + line));
    }
}
