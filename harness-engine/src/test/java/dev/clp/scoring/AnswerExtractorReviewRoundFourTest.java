package dev.clp.scoring;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 257 replies of an independent review (2026-12-03, third stop) of that stop's rules, written by a reviewer who
 * read the issue and the diff, not the corpora, and decided each expected reading before running anything
 * ({@code extraction/review-round-four.jsonl}). The code before the stop read 200, the stop's first version 203 (38
 * regressions: corrections after a ruled-out letter, "if I had to choose, B" after an apology, quoted answers, a
 * numbered option under a counterfactual, Korean 다 opening a reply); after the fixes 241; 242 with the next stop's
 * rounds (257 reads right since; the shared check, {@link ReviewRounds}, now also fails on a listed reply read right).
 * Every reply read right stays read right; the ones still misread are listed, each with why.
 */
class AnswerExtractorReviewRoundFourTest {

    /** Still misread, by class: open work, not accepted readings. */
    static final Set<String> KNOWN_MISREAD = Set.of(
            "32", "105", "121", "238", // an answer after "there is no option 5", a "Correct:" heading, "between A and B — B"
            "44", "241", "243", "244", // Russian-looking prose (В, А as words) in a reply to a non-Ukrainian prompt
            "128", "136", "225", // "the second is the best", "첫 번째요, 아니 두 번째요", "the first is the one"
            "154", // a refusal, then one answer under a condition of fact ("if the graph shows …, then B")
            "178", "254", // 是 of 答案是 taken for the option 是; "option 2: 4" among 2, 4, 6, 8
            "215"); // "B is wrong. Mercury is closest …, though": Mercury named as the reason

    @Test
    void everyReplyTheReviewReadsRightStaysReadRight() throws Exception {
        ReviewRounds.check("/extraction/review-round-four.jsonl", 257, KNOWN_MISREAD, 242);
    }
}
