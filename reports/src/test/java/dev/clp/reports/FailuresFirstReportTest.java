package dev.clp.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.clp.engine.ClpTestEngine;
import dev.clp.scoring.Baseline;
import dev.clp.testing.SuiteFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The HTML report of a regressed candidate on a 5,040-pair suite leads to the failures: its first screen lists the gates
 * that fail the build (gap, coverage, regression, with their figures), then per failing language the new weak pairs
 * first, with both questions and both answers; and the single file stays small (its size is printed).
 */
class FailuresFirstReportTest {

    private static final String[] LANGS = {"am", "ar", "bn", "de", "fr", "hi", "ja", "ko", "sw", "yo", "zh", "zu"};

    @TempDir
    Path tmp;

    private Path run(Path suite, String model, String name, Map<String, String> extra) {
        Path out = tmp.resolve(name);
        EngineTestKit.Builder kit = EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.allure", "off")
                .configurationParameter("clp.results.dir", out.toString())
                .selectors(selectDirectory(suite.toFile()));
        extra.forEach(kit::configurationParameter);
        kit.execute();
        return out.resolve("run.json");
    }

    @Test
    void aRegressedCandidatesReportOpensOnItsFailedGatesAndNewWeakPairsAndStaysSmall() throws Exception {
        Path suite = SuiteFixtures.suite(tmp.resolve("big"), "big", 420, LANGS);
        Path strong = run(suite, "sim:gpt-4o", "strong", Map.of());
        Path baseline = Baseline.fromRun(strong).write(tmp.resolve("baseline.json"));
        Path candidate = run(suite, "sim:llama-3.1-8b", "candidate", Map.of("clp.baseline", baseline.toString()));

        ReportWriter.Written w = ReportWriter.write(RunReport.of(List.of(candidate), baseline, List.of(suite)),
                tmp.resolve("report"));
        String html = Files.readString(w.html());
        long bytes = Files.size(w.html());
        System.out.printf(Locale.ROOT, "report.html of a %d-pair run: %,d bytes%n", 420 * LANGS.length, bytes);

        int gates = html.indexOf("id=\"failed-gates\"");
        int charts = html.indexOf("id=\"chart-accuracy\"");
        assertThat(gates).as("the failed gates come before any chart").isPositive().isLessThan(charts);
        String firstScreen = html.substring(gates, html.indexOf("</section>", gates));
        assertThat(firstScreen).contains("regression gate", "gap gate", "FAIL", "Swahili", "Yoruba");
        int weak = html.indexOf("id=\"weak\"");
        assertThat(weak).as("the weak pairs of the failing languages follow the gates").isPositive().isLessThan(charts);
        String firstTable = html.substring(html.indexOf("<tbody>", weak), html.indexOf("</tbody>", weak));
        assertThat(firstTable.lines().filter(l -> l.startsWith("<tr")).findFirst().orElseThrow())
                .as("new weak pairs first").contains("class=\"new\"");
        assertThat(firstTable).as("both questions").contains("Which one is topic", "] Which one is topic");
        assertThat(bytes).as("a single file that opens quickly").isLessThan(2_500_000L);

        // what the first screen shows (a CI artifact): the failed gates, then the new weak pairs
        Chromium chromium = Chromium.find();
        String dom = chromium.dumpDom(w.html().toUri().toString(), 1000);
        assertThat(dom).contains("Gates that fail the build").doesNotContain("PWNED");
        chromium.screenshot(w.html().toUri().toString(), Path.of("target", "screenshots", "report-regressed.png"), 1000);
    }
}
