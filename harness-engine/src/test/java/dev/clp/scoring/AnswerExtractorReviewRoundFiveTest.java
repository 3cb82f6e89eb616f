package dev.clp.scoring;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 596 replies of the fifth independent review (2026-12-04), written by a reviewer who read the issue only (not the
 * code, its data or the corpora), ran them against a snapshot of 78d4a35 and decided each expected reading before
 * running anything ({@code extraction/review-round-five.jsonl}). Chosen to be hard: 460 read right then (112 letters
 * where a grader gives none, 18 wrong, 6 lost); 543 after this round (a letter asked about only, a thought taken back
 * in its own sentence, an option ruled out after a correction, an option named only as an earlier or others' thought,
 * contrasted option texts no longer read as the opening one, Korean 2번 and ㄴ); 544 after the sixth review's round
 * (what other people think or pick set aside: "Many people pick A" in every language). Every reply read right stays
 * read right; the ones still misread are listed by class.
 */
class AnswerExtractorReviewRoundFiveTest {

    /** Still misread, by class: open work, not accepted readings. */
    static final Set<String> KNOWN_MISREAD = Set.of(
            // "Sydney is the biggest city, but the capital is Canberra": two option texts on either side of a contrast
            // are now no letter (the wrong letter of the opening text is gone); which one the reply gives depends on
            // what the question asked, which the extractor is not given
            "r5-en-136", "r5-en-137", "r5-de-026", "r5-zh-032", "r5-es-022", "r5-fr-022", "r5-it-024", "r5-ko-024",
            "r5-hi-020", "r5-bn-020", "r5-ar-020", "r5-he-020", "r5-uk-026", "r5-sw-020", "r5-zu-020", "r5-am-017",
            "r5-en-161",
            "r5-yo-017", // Yoruba "ṣùgbọ́n Canberra ni olú-ìlú": the later text is the subject, so the opening one is read
            // an option's text in small talk ("I visited Sydney last year, a lovely city!") read as the answer
            "r5-en-063", "r5-en-064", "r5-de-019", "r5-zh-022", "r5-ko-020", "r5-hi-017", "r5-ar-017", "r5-uk-021",
            "r5-sw-017", "r5-it-020", "r5-es-017", "r5-fr-017", "r5-bn-019", "r5-he-019", "r5-zu-019", "r5-en-024",
            "r5-en-141", "r5-en-142", "r5-zh-034", "r5-es-015", // an option's text stated as a fact beside the question
            "r5-uk-009", "r5-de-022", "r5-zh-031", // a thought taken back without a word the data has for it
            "r5-am-009", // Amharic "መጀመሪያ A መስሎኝ ነበር": the letter inside the phrase for an earlier thought
            "r5-zh-008", "r5-en-071", // an answer under one condition after asking back; "It would be A if …"
            "r5-zu-010", "r5-zu-021", // Zulu negations before a hyphenated letter ("Akuyona u-A")
            "r5-en-066", "r5-en-101", "r5-en-102", "r5-en-157", // a letter of a textbook section, of
            // another question, of the user's or a student's answer
            "r5-en-069", // the options restated, then a question back
            "r5-en-120"); // "The universal donor is type O; type AB is the universal recipient": two texts

    @Test
    void everyReplyTheReviewReadsRightStaysReadRight() throws Exception {
        ReviewRounds.check("/extraction/review-round-five.jsonl", 596, KNOWN_MISREAD, 544);
    }
}
