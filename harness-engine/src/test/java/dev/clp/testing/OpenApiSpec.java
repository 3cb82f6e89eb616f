package dev.clp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official OpenAI OpenAPI description ({@code ../shared/specs/openai-openapi.yaml}, not part of the project): what
 * a client sends and what a stand-in answers are validated against its component schemas. Tests that need it skip
 * when it is absent ({@link #available}).
 */
public final class OpenApiSpec {

    private static final Path FILE = locate();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private OpenApiSpec() {
    }

    /** {@code clp.test.openai-openapi}, else {@code shared/specs/openai-openapi.yaml} beside this or a parent directory. */
    private static Path locate() {
        String given = System.getProperty("clp.test.openai-openapi");
        if (given != null) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/specs/openai-openapi.yaml");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return Path.of("../../shared/specs/openai-openapi.yaml").toAbsolutePath().normalize();
    }

    public static boolean available() {
        return Files.isRegularFile(FILE);
    }

    /** The problems of {@code value} against {@code #/components/schemas/<schema>}; empty when it conforms. */
    public static List<String> problems(String schema, JsonNode value) {
        JsonSchema s = SCHEMAS.computeIfAbsent(schema, n -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(FILE.toUri() + "#/components/schemas/" + n)));
        return s.validate(value).stream().map(ValidationMessage::getMessage).toList();
    }

    /**
     * {@link #problems} where the description is present, else none: for stand-ins that must serve the tests of a
     * clean checkout too (there they check only what their own parsing checks).
     */
    public static List<String> problemsIfPresent(String schema, JsonNode value) {
        return available() ? problems(schema, value) : List.of();
    }

    /** Throws an AssertionError naming every problem of {@code value} against the schema. */
    public static void check(String schema, JsonNode value) {
        List<String> problems = problems(schema, value);
        if (!problems.isEmpty()) {
            throw new AssertionError(schema + ": " + problems + " in " + value);
        }
    }
}
