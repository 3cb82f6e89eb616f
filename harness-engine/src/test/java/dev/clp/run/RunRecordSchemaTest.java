package dev.clp.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.clp.engine.ClpTestEngine;
import dev.clp.scoring.Baseline;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The run.json and gates.json of real engine runs (the starter suite on the simulator, the second run against a
 * baseline so the regression gate is in) validate against {@code clp-run-v1} and {@code clp-gates-v1}; the schemas
 * reject a renamed field, and the typed records read and write the files unchanged.
 */
class RunRecordSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Path first;
    private static Path second;

    @BeforeAll
    static void twoRuns() {
        Path baseline = tmp.resolve("baseline.json");
        first = run(tmp.resolve("first"), "sim:gpt-4o", Map.of("clp.baseline", baseline.toString(),
                "clp.baseline.update", "true"));
        second = run(tmp.resolve("second"), "sim:llama-3.1-8b", Map.of("clp.baseline", baseline.toString()));
    }

    private static Path run(Path results, String model, Map<String, String> extra) {
        EngineTestKit.engine(new ClpTestEngine(Map.of()))
                .configurationParameter("clp.model", model)
                .configurationParameter("clp.languages", "sw,yo,bn,de")
                .configurationParameter("clp.cache", "off")
                .configurationParameter("clp.allure", "off")
                .configurationParameter("clp.results.dir", results.toString())
                .configurationParameters(extra)
                .selectors(selectDirectory(SuiteFixtures.starterSuite().toFile()))
                .execute();
        return results;
    }

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = RunRecordSchemaTest.class.getResourceAsStream("/schema/" + name)) {
            assertThat(in).as("/schema/" + name + " on the classpath").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static JsonNode json(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void theRunRecordOfARealRunValidatesAgainstItsSchema() throws IOException {
        JsonSchema run = schema("clp-run-v1.schema.json");
        for (Path dir : new Path[] {first, second}) {
            JsonNode record = json(dir.resolve("run.json"));
            assertThat(run.validate(record)).as(dir + "/run.json").isEmpty();
        }
        assertThat(json(second.resolve("run.json")).at("/languages/0/regression").isObject())
                .as("the second run has the regression gate").isTrue();
    }

    @Test
    void theGatesRecordOfARealRunValidatesAgainstItsSchema() throws IOException {
        JsonSchema gates = schema("clp-gates-v1.schema.json");
        for (Path dir : new Path[] {first, second}) {
            assertThat(gates.validate(json(dir.resolve("gates.json")))).as(dir + "/gates.json").isEmpty();
        }
        assertThat(json(second.resolve("gates.json")).path("gates").findValuesAsText("kind"))
                .contains("coverage", "gap", "regression");
    }

    @Test
    void aRenamedFieldFailsTheSchemaAtEveryLevel() throws IOException {
        JsonSchema run = schema("clp-run-v1.schema.json");
        for (String pointer : new String[] {"", "/settings", "/usage", "/languages/0", "/languages/0/regression",
            "/pairs/0", "/pairs/0/en"}) {
            JsonNode record = json(second.resolve("run.json"));
            ObjectNode node = (ObjectNode) record.at(pointer);
            String field = node.fieldNames().next().equals("format") ? "model" : node.fieldNames().next();
            node.set(field + "Renamed", node.remove(field));
            Set<ValidationMessage> messages = run.validate(record);
            assertThat(messages).as("%s/%s renamed", pointer, field).isNotEmpty();
            assertThat(messages.toString()).contains(field);
        }
        JsonNode gates = json(second.resolve("gates.json"));
        ObjectNode gap = (ObjectNode) gates.at("/gates/1");
        gap.set("upperBound", gap.remove("upper"));
        assertThat(schema("clp-gates-v1.schema.json").validate(gates)).isNotEmpty();
    }

    @Test
    void theTypedRecordsReadAndWriteTheFilesByteForByte() throws IOException {
        for (Path dir : new Path[] {first, second}) {
            Path run = RunDocument.read(dir.resolve("run.json")).write(tmp.resolve("again-run.json"));
            assertThat(Files.readString(run)).isEqualTo(Files.readString(dir.resolve("run.json")));
            Path gates = GatesDocument.read(dir.resolve("gates.json")).write(tmp.resolve("again-gates.json"));
            assertThat(Files.readString(gates)).isEqualTo(Files.readString(dir.resolve("gates.json")));
        }
    }

    @Test
    void theBaselineRecordedFromARunReadsBackAsTheRunsBaseline() {
        Baseline written = Baseline.read(tmp.resolve("baseline.json"));
        assertThat(written).isEqualTo(Baseline.fromRun(RunDocument.read(first.resolve("run.json"))));
        assertThat(written.pairs().get("starter")).hasSize(48);
        assertThat(written.samples()).isEqualTo(1);
    }

    @Test
    void theTypedRecordHoldsTheRunsFigures() throws IOException {
        RunDocument run = RunDocument.read(second.resolve("run.json"));
        GatesDocument gates = GatesDocument.read(second.resolve("gates.json"));
        JsonNode raw = json(second.resolve("run.json"));
        assertThat(run.model()).isEqualTo("sim:llama-3.1-8b");
        assertThat(run.baselineModel()).isEqualTo("sim:gpt-4o");
        assertThat(run.languages()).extracting(RunDocument.Language::lang).containsExactly("bn", "de", "sw", "yo");
        RunDocument.Language sw = run.language("sw").orElseThrow();
        assertThat(sw.gap()).isEqualTo(raw.at("/languages/2/gap").asDouble());
        assertThat(sw.regression().verdict()).isEqualTo(raw.at("/languages/2/regression/verdict").asText());
        assertThat(gates.gate("sw", "gap")).get().isInstanceOf(GatesDocument.GapGate.class)
                .extracting(GatesDocument.Gate::verdict).isEqualTo(sw.verdict());
        assertThat(gates.gate("sw", "regression")).get().isInstanceOf(GatesDocument.RegressionGate.class);
        assertThat(gates.alpha()).isEqualTo(run.settings().alpha());
        assertThat(run.pairs()).hasSize(raw.path("pairs").size());
    }
}
