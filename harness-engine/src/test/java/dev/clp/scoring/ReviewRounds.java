package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one check of an independent review's replies ({@code extraction/review-round-*.jsonl}, rows with id, lang,
 * choices, text, finish_reason and the reviewer's expected letter or null): every reply read right stays read right,
 * every one read otherwise is listed as open, no listed one is read right (take it off the list), and at least
 * {@code floor} are read right.
 */
final class ReviewRounds {

    private ReviewRounds() {
    }

    static void check(String resource, int rows, Set<String> knownMisread, int floor) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> wrong = new ArrayList<>();
        int right = 0;
        int seen = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ReviewRounds.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                seen++;
                List<String> choices = new ArrayList<>();
                row.get("choices").forEach(c -> choices.add(c.asText()));
                Extraction e = AnswerExtractor.extract(row.get("lang").asText(), row.get("text").asText(), choices,
                        row.path("finish_reason").asText(null));
                String read = e instanceof Extraction.Choice c ? String.valueOf((char) ('A' + c.index())) : null;
                String expected = row.get("expected").isNull() ? null : row.get("expected").asText();
                String id = row.get("id").asText();
                if (Objects.equals(read, expected)) {
                    right++;
                    assertThat(knownMisread).as(id + " is read right now: take it off the list").doesNotContain(id);
                } else if (!knownMisread.contains(id)) {
                    wrong.add(id + " [" + row.get("lang").asText() + "] expected " + expected + ", read " + read + ": "
                            + row.get("text").asText());
                }
            }
        }
        assertThat(seen).as(resource + " rows").isEqualTo(rows);
        assertThat(wrong).as("replies read wrong that are not listed").isEmpty();
        assertThat(right).as(resource + " read right").isGreaterThanOrEqualTo(floor);
    }
}
