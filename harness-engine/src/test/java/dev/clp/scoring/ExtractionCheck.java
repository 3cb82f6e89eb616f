package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** The one check of the extractor's case tables: {@code raw} (with {@code \n} escapes) reads as the letter {@code expected}, or as unparseable for {@code ~}. */
final class ExtractionCheck {

    private ExtractionCheck() {
    }

    static void reads(String lang, List<String> choices, String raw, String expected) {
        Extraction e = AnswerExtractor.extract(lang, raw.replace("\\n", "\n"), choices);
        if ("~".equals(expected)) {
            assertThat(e).as(raw).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }
}
