package dev.clp.scoring;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Corpus O's dev half (issue 15): what other people pick is not the reply's answer ("Many learners pick B here, but
 * … option A"), a German "äh, nein" corrects, a Korean "골라 드리기는 어렵습니다" declines, and a Hindi chandrabindu written
 * as anusvara is the same word. {@code ~} is no letter.
 */
class AnswerExtractorOthersChoiceTest {

    private static final List<String> DEVICES = List.of("Residual current device (RCD)",
            "Miniature circuit breaker (MCB)", "Fuse", "Isolator switch");

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            en | Many learners pick B here, but an MCB protects against overcurrent. The device you want is the RCD — option A. | A
            it | Molti studenti scelgono la B. In realtà la risposta è la A. | A
            es | Muchos eligen la B, pero la respuesta correcta es la A. | A
            de | Antwort: B) – äh, nein: A) ist richtig. | A
            de | Antwort: B) ist richtig. | B
            ko | 의료 질문이시군요. 제가 특정 선택지를 골라 드리기는 어렵습니다. 퓨즈(C)도 쓰이지만요. | ~
            """)
    void othersChoicesCorrectionsAndDeclines(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, DEVICES, raw, "stop", expected);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            hi | गेहूं | A
            hi | गेहूँ | A
            hi | धान | B
            """)
    void aChandrabinduWrittenAsAnusvara(String lang, String raw, String expected) {
        ExtractionCheck.reads(lang, List.of("गेहूँ", "धान", "मक्का", "कपास"), raw, "stop", expected);
    }
}
