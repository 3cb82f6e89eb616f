package dev.clp.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.engine.ClpTestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@code clp report} over two simulator runs of the 16-language starter suite, and in a browser. */
class RunReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path starterRun(String model) {
        Path out = tmp.resolve(model.replace(':', '-'));
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.allure", "off")
                .configurationParameter("clp.results.dir", out.toString())
                .selectors(selectDirectory(starter().toFile()))
                .execute();
        return out.resolve("run.json");
    }

    private static Path starter() {
        return Path.of(System.getProperty("clp.test.starter-suite", "../generated-suites/suites/starter"));
    }

    @Test
    void twoRunsGiveBarsGapTablesTheHeatmapTheDiffAndTheAffinityMatrixInAllThreeFormats() throws Exception {
        Path a = starterRun("sim:gpt-4o");
        Path b = starterRun("sim:llama-3.1-8b");

        ReportWriter.Written w = ReportWriter.write(RunReport.of(List.of(a, b)), tmp.resolve("report"));

        JsonNode json = JSON.readTree(w.json().toFile());
        assertThat(json.path("format").asText()).isEqualTo("clp-report/v1");
        assertThat(json.path("simulated").asBoolean()).isTrue();
        assertThat(json.path("languages")).hasSize(16);
        assertThat(json.path("runs")).hasSize(2);
        assertThat(json.at("/gapMatrix/runs").toString()).contains("sim:gpt-4o", "sim:llama-3.1-8b");
        assertThat(json.at("/gapMatrix/gap/1")).hasSize(16);
        double strong = 0;
        double weak = 0;
        for (int i = 0; i < 16; i++) {
            strong += json.at("/gapMatrix/gap/0/" + i).asDouble();
            weak += json.at("/gapMatrix/gap/1/" + i).asDouble();
        }
        assertThat(weak).as("the weaker profile has larger gaps").isGreaterThan(strong);
        JsonNode diff = json.at("/diffs/0");
        assertThat(diff.path("reference").asText()).isEqualTo("sim:gpt-4o");
        assertThat(diff.path("newWeak").size()).isPositive();
        assertThat(diff.path("byLanguage")).hasSize(16);
        JsonNode affinity = json.path("affinity");
        assertThat(affinity.path("languages")).hasSize(16);
        assertThat(affinity.at("/matrix/0")).hasSize(16);
        assertThat(affinity.at("/matrix/0/0").isNull()).as("no self-affinity").isTrue();
        int defined = 0;
        for (JsonNode row : affinity.path("matrix")) {
            for (JsonNode v : row) {
                defined += v.isNumber() ? 1 : 0;
            }
        }
        assertThat(defined).as("the 12 starter questions are shared by all 16 languages").isGreaterThan(100);

        String md = Files.readString(w.markdown());
        assertThat(md).contains("## clp-harness report", "**SIMULATED**", "### sim:gpt-4o", "### sim:llama-3.1-8b",
                "### Gap by model and language", "against sim:gpt-4o", "### Language affinity (clustered order)",
                "| sw | Swahili | 12 |");

        String html = Files.readString(w.html());
        assertThat(html).contains("id=\"chart-accuracy\"", "id=\"chart-heatmap\"", "id=\"chart-affinity\"",
                "<h2 id=\"diff\">", "Tokens and cost", "echarts");
        assertThat(html).as("self-contained: nothing loaded from elsewhere").doesNotContain("<script src", "<link ");
    }

    @Test
    void aLanguageWhoseGatesFailWithoutAFailVerdictSaysWhichInTheReport() throws Exception {
        // the starter suite's 12-pair gates are underpowered, and sim:default leaves 2 of 12 Hebrew pairs unreadable
        // (one English question every language shares, one Hebrew answer)
        Path run = starterRun("sim:default");
        String md = ReportWriter.markdown(RunReport.of(List.of(run)));
        assertThat(md).contains("INCONCLUSIVE (fails: coverage 83%, underpowered)").contains("(fails: underpowered)");
    }

    @Test
    void aBaselineFileGivesEveryRunItsNewWeakFixedAndStillWeakPairs() throws Exception {
        Path strong = starterRun("sim:gpt-4o");
        Path weak = starterRun("sim:llama-3.1-8b");
        Path baseline = dev.clp.scoring.Baseline.fromRun(strong).write(tmp.resolve("baseline.json"));

        JsonNode json = JSON.readTree(ReportWriter.json(RunReport.of(List.of(weak), baseline)));

        JsonNode diff = json.at("/diffs/0");
        assertThat(diff.path("reference").asText()).startsWith("baseline sim:gpt-4o (baseline.json)");
        assertThat(diff.path("run").asText()).isEqualTo("sim:llama-3.1-8b");
        JsonNode again = JSON.readTree(ReportWriter.json(RunReport.of(List.of(strong, weak))));
        assertThat(diff.path("newWeak")).as("a baseline file and its run give the same diff")
                .isEqualTo(again.at("/diffs/0/newWeak"));
        assertThat(diff.path("newWeak").size()).isPositive();
        assertThat(ReportWriter.markdown(RunReport.of(List.of(weak), baseline)))
                .contains("### sim:llama-3.1-8b against baseline sim:gpt-4o");
    }

    @Test
    void hostileAnswersAreEscapedAndNothingRunsInTheBrowserAndTheLayoutHolds() throws Exception {
        Path hostile = HostileRun.run(tmp.resolve("hostile")).resolve("run.json");
        Path other = starterRun("sim:llama-3.1-8b");
        ReportWriter.Written w = ReportWriter.write(RunReport.of(List.of(hostile, other)), tmp.resolve("report"));

        String html = Files.readString(w.html());
        assertThat(html).doesNotContain(HostileRun.HOSTILE.substring(0, 40)).doesNotContain("<b>hostile</b>")
                .contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;").contains("&lt;b&gt;hostile");
        assertThat(Files.readString(w.markdown())).doesNotContain("<b>hostile</b>");

        Chromium chromium = Chromium.find();
        String url = w.html().toUri().toString();
        String dom = chromium.dumpDom(url, 1000);
        assertThat(dom).contains("<title>clp-harness report</title>").doesNotContain("PWNED</title>");
        assertThat(dom).as("no element made from an answer").doesNotContain("<img src=\"x\"").doesNotContain("<b>hostile");
        assertThat(dom).contains("data-charts=\"ready\"");
        Matcher width = Pattern.compile("data-scroll-width=\"(\\d+)\"").matcher(dom);
        assertThat(width.find()).isTrue();
        assertThat(Integer.parseInt(width.group(1))).as("a 5,000-character answer wraps: no horizontal scrolling")
                .isLessThanOrEqualTo(Chromium.WIDTH);
        assertThat(dom).as("charts drawn as SVG").containsPattern("<div id=\"chart-accuracy\"[^>]*>.*<svg");

        Path shots = Path.of("target", "screenshots");
        chromium.screenshot(url, shots.resolve("report-hostile.png"), 5200);
        Path two = ReportWriter.write(RunReport.of(List.of(starterRun("sim:gpt-4o"), other)), tmp.resolve("r2")).html();
        chromium.screenshot(two.toUri().toString(), shots.resolve("report-two-models.png"), 4400);
    }
}
