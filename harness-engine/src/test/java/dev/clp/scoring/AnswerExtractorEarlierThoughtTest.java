package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An earlier thought, then the answer: "Avevo pensato alla A, ma … È la B.", "Mo kọ́kọ́ rò pé A ni, ṣùgbọ́n … B ni.",
 * "一开始我以为是A，但…应该是B。". A letter under a hedge that reports what was first thought (data: {@code initially})
 * stays offered only, even when a predicate after it calls it right, and a later letter in another sentence overrides
 * it. Written from dev-j's it-correction-03-j, yo-correction-03-j and zh-correction-02-j before the code was changed;
 * the wording is this test's own. The question asks for the capital of France (B). {@code ~} is no letter. "一开始我以为是A。"
 * alone (at first I thought it was A) read A until the fifth review: it reports a thought the reply no longer states,
 * and nothing after it answers, so it is no letter (as "At first I thought A, but now I'm not sure" is).
 */
class AnswerExtractorEarlierThoughtTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            it | icities  | "Avevo pensato alla A, ma Roma è in Italia. È la B." | B
            yo | cities   | "Mo kọ́kọ́ rò pé A ni, ṣùgbọ́n Róòmù wà ní Ítálì. B ni." | B
            zh | ccities  | 一开始我以为是A，但罗马在意大利。应该是B。 | B
            zh | ccities  | 答案是 A……等一下，我想错了，首都不在意大利。应该是 B。 | B
            ja | jcities  | 最初はAだと思いましたが、ローマはイタリアです。Bです。 | B
            hi | hicities | पहले मुझे लगा A है, लेकिन रोम इटली में है। B है। | B
            en | cities   | "My first thought was A, but Rome is in Italy. It's B." | B
            yo | cities   | "Mo rò pé A ni, ṣùgbọ́n Róòmù wà ní Ítálì. B ni." | ~
            it | icities  | "Avevo pensato alla A, ma forse è la B o la C." | ~
            en | cities   | "At first I thought A, and I still think A is right." | A
            zh | ccities  | 一开始我以为是A。 | ~
            ja | jcities  | 最初はAだと思いましたが、BかCか迷います。 | ~
            """)
    void aLaterAnswerOverridesAnEarlierThought(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
