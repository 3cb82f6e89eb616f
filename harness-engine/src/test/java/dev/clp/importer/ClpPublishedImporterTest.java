package dev.clp.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.suite.Pair;
import dev.clp.suite.Suite;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClpPublishedImporterTest {

    @TempDir
    Path tmp;

    private static String record(String question, String choices, String answer, String tquestion, String tchoices,
            String tanswer) {
        return "{\"question\":" + question + ",\"choices\":" + choices + ",\"answer\":" + answer
                + ",\"transquestion\":" + tquestion + ",\"transchoices\":" + tchoices + ",\"transanswer\":" + tanswer
                + ",\"oriquestion\":\"orig\",\"transori\":\"asili\",\"prequestion\":\"pre \",\"sufquestion\":\"\","
                + "\"transpre\":\"kabla \",\"transsuf\":\"\",\"source\":\"ai2_arc\",\"category\":\"science\","
                + "\"rate_ori\":1.0,\"rate_trans\":0.2,\"value\":3.1}";
    }

    /** One record per defect class of the published data, plus clean ones. */
    private Path fixture() throws IOException {
        String ab = "[\"Alpha\",\"Beta\"]";
        String records = String.join(",\n",
                record("\"Q1 clean?\"", ab, "\"Beta\"", "\"S1?\"", "[\"Alfa\",\"Beta\"]", "\"Beta\""),
                record("\"Q2 quoted?\"", ab, "\"Alpha\"", "\"S2?\"", "[\"'Alfa'\",\"'Beta'\"]", "\"Alfa\""),
                record("\"Q3 collapsed?\"", "[\"a\",\"b\",\"c\"]", "\"c\"", "\"S3?\"", "[\"'x', 'y', 'z'\"]", "\"z\""),
                record("\"Q4 collapsed badly?\"", "[\"a\",\"b\",\"c\"]", "\"c\"", "\"S4?\"", "[\"'x', 'y'\"]", "\"y\""),
                record("\"Q5 empty?\"", ab, "\"Alpha\"", "\"S5?\"", "[]", "\"None\""),
                record("\"Q6 answer missing?\"", ab, "\"Alpha\"", "\"S6?\"", "[\"Alfa\",\"Beta\"]", "\"Gamma\""),
                record("\"Q7 duplicated answer?\"", ab, "\"Alpha\"", "\"S7?\"", "[\"Alfa\",\"Alfa\"]", "\"Alfa\""),
                record("\"Q8 counts?\"", "[\"a\",\"b\",\"c\"]", "\"a\"", "\"S8?\"", "[\"x\",\"y\"]", "\"x\""),
                record("\"Q9 misaligned?\"", ab, "\"Alpha\"", "\"S9?\"", "[\"Beta\",\"Alfa\"]", "\"Alfa\""),
                record("\"Q1 clean?\"", ab, "\"Beta\"", "\"S1 again?\"", "[\"Alfa\",\"Beta\"]", "\"Beta\""),
                record("\"Q10 english answer?\"", ab, "\"Omega\"", "\"S10?\"", "[\"Alfa\",\"Beta\"]", "\"Alfa\""),
                "{\"question\":\"Q11 missing target\",\"choices\":[\"a\",\"b\"],\"answer\":\"a\"}",
                "42");
        Path file = tmp.resolve("in/Swahili.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[\n" + records + "\n]", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void importsCleanAndRepairablePairsAndQuarantinesTheRestWithOneReasonEach() throws IOException {
        Path out = tmp.resolve("suite");

        ImportReport report = ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(fixture().toString())), out,
                new ClpPublishedImporter.Options("imported", null, null));

        ImportReport.Counts sw = report.byLanguage().get("sw");
        assertThat(report.errors()).isEmpty();
        assertThat(sw.read()).isEqualTo(13);
        assertThat(sw.imported()).isEqualTo(3);
        assertThat(sw.imported() + sw.quarantinedTotal()).isEqualTo(sw.read());
        assertThat(sw.repaired()).containsOnly(entry(ClpPublishedImporter.REPAIR_QUOTES, 1),
                entry(ClpPublishedImporter.REPAIR_COLLAPSED, 1));
        assertThat(sw.quarantined()).containsOnly(
                entry("target choices collapsed into one string that does not split into the English count", 1),
                entry("target choices empty", 1),
                entry("target answer not among the target choices", 1),
                entry("target answer appears more than once among the target choices", 1),
                entry("target has a different number of choices than English", 1),
                entry("target answer position differs from the English answer position (options not aligned)", 1),
                entry("duplicate of an earlier pair (same English question, choices and answer)", 1),
                entry("English answer not among the English choices", 1),
                entry("missing or invalid field transquestion", 1),
                entry("not a JSON object", 1));

        SuiteReader.LanguageFile lf = SuiteReader.read(out.resolve("pairs-sw.jsonl"));
        assertThat(lf.problems()).isEmpty();
        Pair quoted = lf.pairs().stream().filter(p -> p.en().question().equals("Q2 quoted?")).findFirst().orElseThrow();
        assertThat(quoted.target().choices()).containsExactly("Alfa", "Beta");
        assertThat(quoted.target().answer()).isZero();
        assertThat(quoted.provenance()).containsEntry("repairs", List.of(ClpPublishedImporter.REPAIR_QUOTES))
                .containsEntry("rateTarget", 0.2).containsEntry("importedFrom", "Swahili.json#1");
        Pair collapsed = lf.pairs().stream().filter(p -> p.en().question().equals("Q3 collapsed?")).findFirst().orElseThrow();
        assertThat(collapsed.target().choices()).containsExactly("x", "y", "z");
        assertThat(collapsed.target().answer()).isEqualTo(2);
        assertThat(collapsed.perturbation().target().prefix()).isEqualTo("kabla ");

        List<String> quarantine = Files.readAllLines(out.resolve(ClpPublishedImporter.QUARANTINE_FILE));
        assertThat(quarantine).hasSize(10);
        JsonNode first = new ObjectMapper().readTree(quarantine.get(0));
        assertThat(first.get("file").asText()).isEqualTo("Swahili.json");
        assertThat(first.get("record").get("question").asText()).isEqualTo("Q4 collapsed badly?");
        assertThat(Suite.open(out).manifest().id()).isEqualTo("imported");
    }

    @Test
    void readsAUrlAndReportsAnHttpErrorByName() throws IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setBody(Files.readString(fixture())));
            server.enqueue(new MockResponse().setResponseCode(404));
            server.start();
            String good = server.url("/data/Swahili.json").toString();
            String missing = server.url("/data/Yoruba.json").toString();

            ImportReport report = ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(good),
                    new ClpPublishedImporter.Input(missing)), tmp.resolve("u"), new ClpPublishedImporter.Options(null, null, null));

            assertThat(report.byLanguage().get("sw").imported()).isEqualTo(3);
            assertThat(report.errors()).containsExactly("GET " + missing + " -> HTTP 404");
            assertThat(report.suiteWritten()).as("what could be read is written").isTrue();
        }
    }

    @Test
    void whenNoInputCanBeReadNoSuiteIsWritten() {
        Path missing = tmp.resolve("no-such-dir");
        Path out = tmp.resolve("out");

        ImportReport report = ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(missing.toString())),
                out, new ClpPublishedImporter.Options(null, null, null));

        assertThat(report.errors()).containsExactly(missing + ": no such file or directory");
        assertThat(report.suiteWritten()).isFalse();
        assertThat(out).doesNotExist();
    }

    @Test
    void brokenJsonAndUnknownLanguagesAreErrorsNamingTheFileAndNothingIsLost() throws IOException {
        Path dir = tmp.resolve("in");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("Yoruba.json"), "[" + record("\"Q\"", "[\"a\",\"b\"]", "\"a\"", "\"S\"",
                "[\"x\",\"y\"]", "\"x\"") + ",\n{\"question\": oops}]");
        Files.writeString(dir.resolve("Klingon.json"), "[]");

        ImportReport report = ClpPublishedImporter.run(List.of(new ClpPublishedImporter.Input(dir.toString())),
                tmp.resolve("o"), new ClpPublishedImporter.Options(null, null, null));

        assertThat(report.byLanguage().get("yo").imported()).isEqualTo(1);
        assertThat(report.errors()).anySatisfy(e -> assertThat(e).contains("Klingon.json").contains("--language"))
                .anySatisfy(e -> assertThat(e).startsWith(dir.resolve("Yoruba.json") + ":2:").contains("not valid JSON"));
        assertThat(report.render()).contains("read 1 = imported 1 + quarantined 0");
    }

    @Test
    void mapsEveryPaperLanguageNameToItsTag() {
        Map<String, String> names = Map.ofEntries(Map.entry("Chinese", "zh"), Map.entry("Japanese", "ja"),
                Map.entry("Korean", "ko"), Map.entry("French", "fr"), Map.entry("Spanish", "es"),
                Map.entry("Italian", "it"), Map.entry("Ukrainian", "uk"), Map.entry("German", "de"),
                Map.entry("Bengali", "bn"), Map.entry("Hindi", "hi"), Map.entry("Arabic", "ar"),
                Map.entry("Hebrew", "he"), Map.entry("Amharic", "am"), Map.entry("Yoruba", "yo"),
                Map.entry("Swahili", "sw"), Map.entry("Zulu", "zu"));
        names.forEach((name, tag) -> assertThat(dev.clp.suite.Languages.tagForName(name)).hasValue(tag));
        assertThat(dev.clp.suite.Languages.paperTargets()).containsExactlyInAnyOrderElementsOf(names.values());
    }
}
