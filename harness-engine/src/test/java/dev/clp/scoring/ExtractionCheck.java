package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * The one check of the extractor's case tables: {@code raw} (with {@code \n} escapes) reads as the letter
 * {@code expected}, as unparseable for {@code ~}, or as anything but the letter X for {@code !X}.
 */
final class ExtractionCheck {

    /** Capitals in 14 languages (Rome, Paris, Berlin, London) and days in a year, for the case tables. */
    static final Map<String, List<String>> CAPITALS = Map.ofEntries(
            Map.entry("cities", List.of("Rome", "Paris", "Berlin", "London")),
            Map.entry("dcities", List.of("Rom", "Paris", "Berlin", "London")),
            Map.entry("icities", List.of("Roma", "Parigi", "Berlino", "Londra")),
            Map.entry("ucities", List.of("Рим", "Париж", "Берлін", "Лондон")),
            Map.entry("kcities", List.of("로마", "파리", "베를린", "런던")),
            Map.entry("hcities", List.of("רומא", "פריז", "ברלין", "לונדון")),
            Map.entry("acities", List.of("روما", "باريس", "برلين", "لندن")),
            Map.entry("scities", List.of("Roma", "Paris", "Berlin", "London")),
            Map.entry("zcities", List.of("iRoma", "iParis", "iBerlin", "iLondon")),
            Map.entry("mcities", List.of("ሮም", "ፓሪስ", "በርሊን", "ለንደን")),
            Map.entry("ccities", List.of("罗马", "巴黎", "柏林", "伦敦")),
            Map.entry("jcities", List.of("ローマ", "パリ", "ベルリン", "ロンドン")),
            Map.entry("hicities", List.of("रोम", "पेरिस", "बर्लिन", "लंदन")),
            Map.entry("escities", List.of("Roma", "París", "Berlín", "Londres")),
            Map.entry("days", List.of("360", "366", "364", "365")));

    private ExtractionCheck() {
    }

    static void reads(String lang, List<String> choices, String raw, String expected) {
        reads(lang, choices, raw, null, expected);
    }

    /** The same with the provider's stop reason ({@code finish_reason}). */
    static void reads(String lang, List<String> choices, String raw, String stop, String expected) {
        Extraction e = AnswerExtractor.extract(lang, raw.replace("\\n", "\n"), choices, stop);
        if (expected.startsWith("!")) {
            assertThat(e instanceof Extraction.Choice c && c.index() == expected.charAt(1) - 'A').as(raw).isFalse();
        } else if ("~".equals(expected)) {
            assertThat(e).as(raw).isInstanceOf(Extraction.Unparseable.class);
        } else {
            assertThat(e).as(raw).isInstanceOfSatisfying(Extraction.Choice.class,
                    c -> assertThat((char) ('A' + c.index())).isEqualTo(expected.charAt(0)));
        }
    }
}
