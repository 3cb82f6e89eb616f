package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "之所以电线普遍用铜，是因为银太贵了" (the reason wires use copper is that silver is too dear) explains why another option
 * is common: the 所以 inside 之所以 concludes nothing and the 选 inside its clause chooses nothing (data:
 * {@code notConclusion}). Written for corpus K's Chinese wrong letter (copper read where silver was answered) with
 * cases of this test's own; where the answer is a one-character option text that the explanation names again, the
 * reply is no longer read as copper ({@code !C}). A conclusion after the clause, and 所以 alone, still read.
 */
class AnswerExtractorReasonWhyTest {

    private static final List<String> METALS = List.of("金", "银", "铜", "铝");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            zh | 是银。之所以电线普遍用铜，是因为银太贵了。 | !C
            zh | 是银。之所以电线普遍用铜，是因为价格。 | !C
            zh | 银。之所以很多人选铜，是因为铜更常见。 | !C
            zh | 之所以电线用铜，是因为便宜；但导电最好的是银，所以答案是银。 | B
            zh | 铜导电也不错，但银更好，所以答案是银。 | B
            zh | 电线都用它，所以是铜。 | C
            """)
    void theReasonWhyChoosesNothing(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, METALS, raw, "stop", expected);
    }
}
