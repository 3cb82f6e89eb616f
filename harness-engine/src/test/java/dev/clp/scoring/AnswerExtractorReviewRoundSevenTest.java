package dev.clp.scoring;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 452 replies of the seventh independent review (2026-12-04), written by a reviewer who read the issue and a
 * summary of the sixth round's rules (not the code, its data or the corpora) to break them, each reading decided
 * before running ({@code extraction/review-round-seven.jsonl}; its first batch of 232, written before any output was
 * seen, read 208). 78d4a35 read 254, the sixth round's snapshot 337 (a "No …" sentence after a real correction brought
 * back the abandoned answer, "Answer: B. Sydney is not the capital." lost, "Answer: C. Wait, no." kept C); after the
 * fixes (a no stands alone before punctuation and is not about the other options; a label does not take in another
 * option's text after a full stop; "Wait, no." with nothing after takes the answer back) 378, one of the 254 lost
 * ("At first I thought A, and I still think so."); 379 once "double-check" is no correction word; 382
 * once a tag's negation is the tag's ("It's B, isn't it?"); 391 once an option asked about and answered no is set
 * aside without a correction word ("B. Could it be C? No, Melbourne was only temporary."); 399 once "C. No, wait.",
 * "Réponse : C. Attends, non." and "Wait — no. … so C is wrong." take the answer back. The ones still misread
 * are listed by the reviewer's class.
 */
class AnswerExtractorReviewRoundSevenTest {

    /** Still misread, by class: open work, not accepted readings. */
    static final Set<String> KNOWN_MISREAD = Set.of(
            // correction-aside
            "r7-ar-005", "r7-am-004", "r7-ar-010",
            // correction-withdrawn
            "r7-en-035", "r7-am-013", "r7-bn-014",
            "r7-hi-016",
            // question-no
            "r7-en-008", "r7-zh-005", "r7-en-080", "r7-en-081", "r7-de-017", "r7-es-013", "r7-en-084", "r7-zh-019",
            "r7-de-018", "r7-yo-012",
            // question-yes
            "r7-en-006", "r7-en-090", "r7-en-091", "r7-en-092", "r7-en-093", "r7-en-113", "r7-zh-022", "r7-de-023",
            "r7-ja-020", "r7-ko-053",
            // earlier-withdrawn
            "r7-fr-009", "r7-am-006", "r7-fr-014", "r7-fr-015", "r7-fr-016", "r7-am-009",
            // question-only
            "r7-it-003", "r7-it-011", "r7-es-015", "r7-fr-017", "r7-fr-021",
            // correction-switch
            "r7-hi-004", "r7-hi-012",
            // contrast-two-texts
            "r7-ja-012", "r7-ja-016", "r7-ja-017",
            // aside-no-corrword
            "r7-ja-021",
            // earlier-thought
            "r7-ar-006", "r7-ar-012",
            // ko-beon
            "r7-ko-028", "r7-ko-047",
            // contrast-side
            "r7-uk-008",
            // correction-no-expl
            "r7-it-017",
            // earlier-kept
            "r7-en-044",
            // ko-beon-neg
            "r7-ko-043",
            // side-remark-neg
            "r7-ko-048");

    @Test
    void everyReplyTheReviewReadsRightStaysReadRight() throws Exception {
        ReviewRounds.check("/extraction/review-round-seven.jsonl", 452, KNOWN_MISREAD, 399);
    }
}
