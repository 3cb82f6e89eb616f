package dev.clp.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pair's provenance is read from its line's tree directly, not through Jackson's {@code convertValue} (a round trip
 * through a token buffer per pair, twice per pair in a run): the same maps, lists, strings, booleans, nulls and
 * numbers of the same classes ({@code Integer}, {@code Long}, {@code BigInteger}, {@code Double}) as that gave.
 */
class SuiteReaderProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"generator\":\"clp import clp\",\"repairs\":[\"quoted choices\"],\"n\":3}",
        "{\"panel\":{\"judges\":[\"a\",\"b\"],\"rates\":{\"agree\":0.75,\"tiny\":1e-9,\"big\":1.5E300}},\"ok\":true,"
                + "\"no\":false}",
        "{\"int\":2147483647,\"long\":2147483648,\"huge\":123456789012345678901234567890,\"neg\":-9223372036854775808}",
        "{\"nested\":[[1,[2.5,[\"x\",{\"k\":[]}]]],{}],\"text\":\"line\\n2 \\u0007 — 答え ✓ \\ud83d\\ude00\"}",
        "{\"inList\":[null,1,\"a\"],\"deep\":{\"null\":null}}",
        "{\"dup\":1,\"dup\":\"last one wins\"}"
    })
    void provenanceIsWhatConvertValueGave(String provenance) throws Exception {
        String line = "{\"id\":\"p-1\",\"lang\":\"de\",\"source\":\"s\",\"en\":{\"question\":\"q\",\"choices\":[\"a\",\"b\"],"
                + "\"answer\":0},\"target\":{\"question\":\"f\",\"choices\":[\"a\",\"b\"],\"answer\":1},\"provenance\":"
                + provenance + "}";
        Pair pair = SuiteReader.parseLine(Path.of("pairs-de.jsonl"), line, "de");
        JsonNode tree = JSON.readTree(line).get("provenance");
        Map<String, Object> converted = JSON.convertValue(tree, JSON.getTypeFactory()
                .constructMapType(LinkedHashMap.class, String.class, Object.class));
        assertThat(pair.provenance()).isEqualTo(Map.copyOf(converted));
        assertSameClasses(pair.provenance(), converted, true);
    }

    /** equals() alone would take an Integer 1 for a Long 1 as different but a LinkedHashMap for a TreeMap as equal. */
    private static void assertSameClasses(Object read, Object converted, boolean top) {
        if (converted instanceof Map<?, ?> m) {
            // the pair keeps its top level as an unmodifiable copy (Pair's constructor)
            assertThat(read).isInstanceOf(top ? Map.class : converted.getClass());
            m.forEach((k, v) -> assertSameClasses(((Map<?, ?>) read).get(k), v, false));
        } else if (converted instanceof List<?> l) {
            assertThat(read).isExactlyInstanceOf(converted.getClass());
            for (int i = 0; i < l.size(); i++) {
                assertSameClasses(((List<?>) read).get(i), l.get(i), false);
            }
        } else if (converted != null) {
            assertThat(read).isExactlyInstanceOf(converted.getClass());
        } else {
            assertThat(read).isNull();
        }
    }
}
