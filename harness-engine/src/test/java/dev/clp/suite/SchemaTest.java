package dev.clp.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.clp.testing.SuiteFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schema files in the repository agree with the reader on good and bad lines. */
class SchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream("/schema/" + name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void everyStarterLineAndManifestValidates() throws IOException {
        JsonSchema pairSchema = schema("clp-pair-v1.schema.json");
        Suite starter = Suite.open(SuiteFixtures.starterSuite());
        List<String> errors = new ArrayList<>();
        for (Path file : starter.languageFiles().values()) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                pairSchema.validate(JSON.readTree(line)).forEach(m -> errors.add(file.getFileName() + ": " + m));
            }
        }
        assertThat(errors).isEmpty();
        JsonNode manifest = JSON.readTree(starter.dir().resolve(Suite.MANIFEST_FILE).toFile());
        assertThat(schema("clp-suite-v1.schema.json").validate(manifest)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"sw-1\",\"lang\":\"sw\",\"source\":\"s\",\"en\":{\"question\":\"Q\",\"choices\":[\"a\",\"b\"],\"answer\":\"b\"},\"target\":{\"question\":\"S\",\"choices\":[\"a\",\"b\"],\"answer\":1}}",
        "{\"id\":\"sw-1\",\"lang\":\"sw\",\"en\":{\"question\":\"Q\",\"choices\":[\"a\",\"b\"],\"answer\":1},\"target\":{\"question\":\"S\",\"choices\":[\"a\",\"b\"],\"answer\":1}}",
        "{\"id\":\"sw-1\",\"lang\":\"sw\",\"source\":\"s\",\"anwser\":1,\"en\":{\"question\":\"Q\",\"choices\":[\"a\",\"b\"],\"answer\":1},\"target\":{\"question\":\"S\",\"choices\":[\"a\",\"b\"],\"answer\":1}}",
        "{\"id\":\"sw-1\",\"lang\":\"sw\",\"source\":\"s\",\"en\":{\"question\":\"Q\",\"choices\":[\"a\"],\"answer\":0},\"target\":{\"question\":\"S\",\"choices\":[\"a\",\"b\"],\"answer\":1}}",
        "{\"id\":\"sw 1\",\"lang\":\"sw\",\"source\":\"s\",\"en\":{\"question\":\"Q\",\"choices\":[\"a\",\"b\"],\"answer\":1},\"target\":{\"question\":\"S\",\"choices\":[\"a\",\"b\"],\"answer\":1}}",
        "{\"id\":\"sw-1\",\"lang\":\"sw\",\"source\":\"s\",\"en\":{\"question\":\" \",\"choices\":[\"a\",\"b\"],\"answer\":1},\"target\":{\"question\":\"S\",\"choices\":[\"a\",\"b\"],\"answer\":1}}"
    })
    void linesTheReaderRejectsTheSchemaRejectsToo(String line, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("pairs-sw.jsonl");
        Files.writeString(file, line + "\n");
        assertThat(SuiteReader.read(file).problems()).isNotEmpty();
        Set<ValidationMessage> messages = schema("clp-pair-v1.schema.json").validate(JSON.readTree(line));
        assertThat(messages).isNotEmpty();
    }
}
