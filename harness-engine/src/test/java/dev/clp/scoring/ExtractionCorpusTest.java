package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Extraction accuracy on the labelled corpus ({@code extraction/corpus.jsonl}: 522 raw answers in 17 languages,
 * in the formats models produce, including two-letter hedges and refusals that must never become a letter).
 */
class ExtractionCorpusTest {

    @Test
    void atLeast99PercentRightAndNoLetterFromARefusalOrAHedge() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int total = 0;
        int right = 0;
        int lettersFromUnanswerable = 0;
        List<String> wrong = new ArrayList<>();
        Map<String, int[]> byLanguage = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/extraction/corpus.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode row = json.readTree(line);
                List<String> choices = new ArrayList<>();
                row.get("choices").forEach(c -> choices.add(c.asText()));
                String lang = row.get("lang").asText();
                Extraction e = AnswerExtractor.extract(lang, row.get("answer").asText(), choices);
                String got = e instanceof Extraction.Choice c ? String.valueOf((char) ('A' + c.index())) : null;
                String expected = row.get("expected").isNull() ? null : row.get("expected").asText();
                total++;
                int[] counts = byLanguage.computeIfAbsent(lang, k -> new int[2]);
                counts[1]++;
                if (java.util.Objects.equals(got, expected)) {
                    right++;
                    counts[0]++;
                } else {
                    wrong.add(lang + " " + row.get("format").asText() + " " + row.get("answer").asText() + " -> " + got
                            + " (expected " + expected + ")");
                    if (expected == null) {
                        lettersFromUnanswerable++;
                    }
                }
            }
        }
        double accuracy = right / (double) total;
        System.out.printf("extraction corpus: %d of %d right (%.2f%%), %d letters from refusals or hedges%n", right, total,
                accuracy * 100, lettersFromUnanswerable);
        byLanguage.forEach((lang, c) -> System.out.printf("  %s %d/%d%n", lang, c[0], c[1]));
        wrong.forEach(w -> System.out.println("  wrong: " + w));
        assertThat(total).isGreaterThanOrEqualTo(300);
        assertThat(byLanguage).hasSize(17);
        assertThat(lettersFromUnanswerable).as("refusals and hedges must stay unparseable").isZero();
        assertThat(accuracy).as("extraction accuracy").isGreaterThanOrEqualTo(0.99);
    }
}
