package dev.clp.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answer as a headline, then the others named by reference: "Jupiter — option C. For context, Saturn (B) is …",
 * "堪培拉（C）。很多人以为是悉尼（A）或墨尔本（B）…". A reply that opens with one option's text and its own label as a
 * sentence of their own, and names other options later only as references after their own texts ("Rome (A)"), answers
 * with the headline. Written from dev-j's en-explaining-03-j and zh-explaining-02-j before the code was changed; the
 * wording is this test's own. The question asks for the capital of France (B). {@code ~} is no letter.
 */
class AnswerExtractorHeadlineAnswerTest {

    @ParameterizedTest(name = "{0}: {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | cities   | "Paris — option B. For context, Rome (A) is the capital of Italy and Berlin (C) that of Germany." | B
            zh | ccities  | 巴黎（B）。很多人以为是罗马（A）或柏林（C），其实它们分别是意大利和德国的首都。 | B
            de | dcities  | "Paris (B). Rom (A) ist die Hauptstadt Italiens, Berlin (C) die Deutschlands." | B
            es | escities | "París (B). Roma (A) está en Italia y Berlín (C) en Alemania." | B
            ja | jcities  | パリ（B）。ローマ（A）はイタリアの首都、ベルリン（C）はドイツの首都です。 | B
            ar | acities  | "باريس (B). روما (A) عاصمة إيطاليا، برلين (C) عاصمة ألمانيا." | B
            hi | hicities | पेरिस (B)। रोम (A) इटली की राजधानी है और बर्लिन (C) जर्मनी की। | B
            en | cities   | "Rome (A) is the capital of Italy. Berlin (C) is the capital of Germany." | ~
            en | cities   | "Paris (B). London (A) is the capital of England." | ~
            en | cities   | "Paris (B)? Rome (A)? Berlin (C)? I cannot tell." | ~
            de | dcities  | "Paris (B). Rom (A) ist die Hauptstadt Italiens, also eher A." | !B
            """)
    void aHeadlineAnswerWithReferencesAfterIt(String lang, String options, String raw, String expected) {
        ExtractionCheck.reads(lang, ExtractionCheck.CAPITALS.get(options), raw, "stop", expected);
    }
}
