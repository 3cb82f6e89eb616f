import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.scoring.AnswerExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The cost of AnswerExtractor.extract per answer over every dev corpus answer (corpus.jsonl and corpus-dev-*.jsonl;
 * the held-out files are not read). Run from the repository root after ./mvnw -o -q -pl harness-engine test-compile
 * (which writes target/runtime-classpath.txt):
 * java -cp "harness-engine/target/classes:$(cat harness-engine/target/runtime-classpath.txt)" bench/ExtractionCost.java [DIR]
 * A printed figure, not a test: it moves with the machine and its load (printed beside it).
 */
public class ExtractionCost {
    record Row(String lang, String text, List<String> choices, String stop) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "harness-engine/src/test/resources/extraction");
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.matches("corpus(-dev-.*)?\\.jsonl")) {
                    continue;
                }
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode r = json.readTree(line);
                    List<String> choices = new ArrayList<>();
                    r.get("choices").forEach(c -> choices.add(c.asText()));
                    String text = r.has("text") ? r.get("text").asText() : r.get("answer").asText();
                    JsonNode stop = r.path("finish_reason");
                    rows.add(new Row(r.get("lang").asText(), text, choices, stop.isTextual() ? stop.asText() : null));
                }
            }
        }
        long sink = 0;
        for (int warm = 0; warm < 10; warm++) {
            for (Row r : rows) {
                sink += AnswerExtractor.extract(r.lang(), r.text(), r.choices(), r.stop()).hashCode();
            }
        }
        int passes = 10;
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (Row r : rows) {
                sink += AnswerExtractor.extract(r.lang(), r.text(), r.choices(), r.stop()).hashCode();
            }
        }
        double us = (System.nanoTime() - start) / 1000.0 / (passes * (double) rows.size());
        double chars = rows.stream().mapToInt(r -> r.text().length()).average().orElse(0);
        System.out.printf("extraction cost: %.1f us per answer over %d dev answers (mean %.0f chars), %d passes after %d"
                + " warm-up; load %s (%d)%n", us, rows.size(), chars, passes, 10,
                Files.readString(Path.of("/proc/loadavg")).strip(), sink & 1);
    }
}
