package dev.clp.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The real Allure 2 command line (unpacked from Maven Central by this module's build) turns the engine's results
 * into a report whose per-language views list the weak pairs with both prompts and both answers attached.
 */
class AllureReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path allure() {
        String home = System.getProperty("allure.home");
        assumeTrue(home != null, "allure.home is set by this module's Surefire configuration");
        Path bin = Path.of(home, "bin", "allure");
        assumeTrue(Files.isExecutable(bin), bin + " is unpacked by mvn generate-test-resources");
        return bin;
    }

    private static void allure(Path bin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(bin.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void theAllureCommandLineBuildsPerLanguageViewsWithPromptsAndAnswersAttached() throws Exception {
        Path bin = allure();
        Path suite = SuiteFixtures.suite(tmp.resolve("suite"), "starter-like", 30, "sw", "yo", "zh");
        Path results = tmp.resolve("allure-results");
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", "sim:llama-3.1-8b")
                .configurationParameter("clp.results.dir", tmp.resolve("clp").toString())
                .configurationParameter("clp.allure.results-dir", results.toString())
                .selectors(selectDirectory(suite.toFile()))
                .execute();

        Path report = tmp.resolve("allure-report");
        allure(bin, "generate", results.toString(), "-o", report.toString(), "--clean");

        String behaviors = Files.readString(report.resolve("data/behaviors.json"));
        assertThat(behaviors).contains("starter-like", "Swahili (sw)", "Yoruba (yo)", "Chinese (zh)");
        String categories = Files.readString(report.resolve("data/categories.json"));
        assertThat(categories).contains("Swahili (sw): weak pairs", "Yoruba (yo): weak pairs");
        JsonNode weak = null;
        try (Stream<Path> cases = Files.list(report.resolve("data/test-cases"))) {
            for (Path f : cases.toList()) {
                JsonNode c = JSON.readTree(f.toFile());
                if ("failed".equals(c.path("status").asText())
                        && c.path("statusMessage").asText().startsWith("[lang=yo] weak:")) {
                    weak = c;
                    break;
                }
            }
        }
        assertThat(weak).as("a weak Yoruba pair in the report").isNotNull();
        List<String> attachments = new ArrayList<>();
        weak.at("/testStage/attachments").forEach(a -> attachments.add(a.get("name").asText()));
        assertThat(attachments).containsExactly("Prompts and answers");
        String source = weak.at("/testStage/attachments/0/source").asText();
        assertThat(Files.readString(report.resolve("data/attachments").resolve(source)))
                .containsSubsequence("English prompt", "Yoruba prompt", "Ìbéèrè", "English answer", "Yoruba answer");
        List<String> parameters = new ArrayList<>();
        weak.get("parameters").forEach(p -> parameters.add(p.get("name").asText()));
        assertThat(parameters).contains("English answer", "Yoruba answer");
        List<String> labels = new ArrayList<>();
        weak.get("labels").forEach(l -> labels.add(l.get("name").asText() + "=" + l.get("value").asText()));
        assertThat(labels).contains("targetLang=yo", "feature=Yoruba (yo)", "model=sim:llama-3.1-8b");

        // the pairs that need no look (clp.allure.pairs=needs-look): one passed result per suite and language
        JsonNode folded = null;
        try (Stream<Path> cases = Files.list(report.resolve("data/test-cases"))) {
            for (Path f : cases.toList()) {
                JsonNode c = JSON.readTree(f.toFile());
                if (c.path("name").asText().startsWith("[starter-like] Swahili (sw): ")
                        && c.path("name").asText().contains(" pairs that need no look (")) {
                    folded = c;
                    break;
                }
            }
        }
        assertThat(folded).as("the Swahili pairs that need no look, folded into one result").isNotNull();
        assertThat(folded.path("status").asText()).isEqualTo("passed");
        assertThat(Files.readString(report.resolve("data/attachments")
                .resolve(folded.at("/testStage/attachments/0/source").asText())))
                .containsPattern("sw-[0-9a-f]{16}  line \\d+  (consistent|not-applicable)\n");

        Path single = tmp.resolve("allure-single");
        allure(bin, "generate", results.toString(), "-o", single.toString(), "--clean", "--single-file");
        assertThat(single.resolve("index.html")).isRegularFile();
        assertThat(Files.size(single.resolve("index.html"))).as("data and app inlined").isGreaterThan(500_000);
    }

    @Test
    void inABrowserTheReportGroupsFailuresPerLanguageAndNoAnswerRuns() throws Exception {
        Path bin = allure();
        Chromium chromium = Chromium.find();
        Path results = HostileRun.run(tmp.resolve("hostile")).resolveSibling("allure-results");
        Path single = tmp.resolve("allure-single");
        allure(bin, "generate", results.toString(), "-o", single.toString(), "--clean", "--single-file");
        // the single file carries each test case as base64 JSON: d('data/test-cases/<uid>.json','<base64>')
        String html = Files.readString(single.resolve("index.html"));
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("d\\('data/test-cases/([0-9a-f]+)\\.json','([A-Za-z0-9+/=]+)'\\)").matcher(html);
        String hostileUid = null;
        while (m.find() && hostileUid == null) {
            JsonNode c = JSON.readTree(java.util.Base64.getDecoder().decode(m.group(2)));
            if (c.path("statusMessage").asText().contains("PWNED")) {
                hostileUid = m.group(1);
            }
        }
        assertThat(hostileUid).as("a result carries the hostile answer").isNotNull();
        String page = single.resolve("index.html").toUri().toString();

        String categories = chromium.dumpDom(page + "#categories", 1000);
        assertThat(categories).contains("Swahili (sw): weak pairs").contains("Unparseable answers");
        String testCase = chromium.dumpDom(page + "#testresult/" + hostileUid, 1000);
        assertThat(testCase).contains("[lang=ar]").contains("&lt;script&gt;document.title=");
        assertThat(testCase).doesNotContain("PWNED</title>").doesNotContain("<img src=\"x\"");

        Path shots = Path.of("target", "screenshots");
        chromium.screenshot(page + "#categories", shots.resolve("allure-categories.png"), 1000);
        chromium.screenshot(page + "#testresult/" + hostileUid, shots.resolve("allure-hostile-answer.png"), 1000);
    }
}
