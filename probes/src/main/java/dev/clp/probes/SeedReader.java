package dev.clp.probes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.suite.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Reads an English source file: a JSON array of {@code {question, choices[], answer, source, subject}} where
 * {@code answer} is the text of the right option (the format of the published {@code data/source/*.json}).
 * A bad record is reported by its position and skipped; the others load.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SeedReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The seeds that loaded and one message per record that did not. */
    public record Result(List<SeedQuestion> seeds, List<String> problems) {
    }

    private SeedReader() {
    }

    /**
     * Reads a source file.
     *
     * @throws GeneratorException naming the file when it cannot be read or is not a JSON array
     */
    public static Result read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new GeneratorException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + "): "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GeneratorException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new GeneratorException(file + ": expected a JSON array of questions");
        }
        String fallbackSource = file.getFileName().toString().replaceFirst("\\.json$", "");
        List<SeedQuestion> seeds = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode q = root.get(i);
            String where = file + ": record " + i + ": ";
            String question = q.path("question").asText("").strip();
            if (question.isEmpty()) {
                problems.add(where + "'question' is missing or empty");
                continue;
            }
            JsonNode choicesNode = q.path("choices");
            if (!choicesNode.isArray() || choicesNode.size() < 2) {
                problems.add(where + "'choices' must be an array of at least two options");
                continue;
            }
            List<String> choices = new ArrayList<>();
            choicesNode.forEach(c -> choices.add(c.asText().strip()));
            if (choices.stream().distinct().count() != choices.size()) {
                problems.add(where + "'choices' repeats an option");
                continue;
            }
            int answer = choices.indexOf(q.path("answer").asText("").strip());
            if (answer < 0) {
                problems.add(where + "'answer' is not one of its choices");
                continue;
            }
            String source = q.path("source").asText(fallbackSource).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9]+", "_");
            String subject = q.hasNonNull("subject") ? q.get("subject").asText() : null;
            seeds.add(new SeedQuestion(i, source.isEmpty() ? fallbackSource : source, subject,
                    new Side(question, choices, answer)));
        }
        return new Result(List.copyOf(seeds), List.copyOf(problems));
    }
}
