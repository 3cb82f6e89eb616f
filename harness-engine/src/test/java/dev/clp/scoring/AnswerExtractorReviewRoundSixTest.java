package dev.clp.scoring;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The 619 replies of the sixth independent review (2026-12-04), written by a reviewer who read the issue and a summary
 * of the fifth round's rules (not the code, its data or the corpora) to find what those rules break, each reading
 * decided before running ({@code extraction/review-round-six.jsonl}). 78d4a35's extractor read 479, the fifth round's
 * first version 461 (46 regressions: tag questions "C, right?" and questions answered yes "Is it C? Yes." read as
 * asked, "many people" words making another option offered); after the fixes (tags and yes/no answers as data, a
 * reconsideration set aside after a no, an earlier thought overridden after a word of contrast, Korean "3번이 정답입니다")
 * 538, none of the 479 lost; 564 once what other people think or pick is data ({@code othersThink}: "Many think it's
 * Sydney, but it's Canberra", "很多人以为是悉尼（A）") and set aside; 567 once "double-check" is no correction word, 572
 * once a tag's negation is the tag's ("It's
 * C, though I'd double-check." was no letter). The ones still misread are listed by class.
 */
class AnswerExtractorReviewRoundSixTest {

    /** Still misread, by class: open work, not accepted readings. */
    static final Set<String> KNOWN_MISREAD = Set.of(
            // others' choice beside the answer in phrasings the data lacks
            "r6-de-021", "r6-zh-019", "r6-ja-019", "r6-he-013", "r6-am-012", "r6-zu-012", "r6-he-019", "r6-he-020",
            "r6-ar-016", "r6-sw-014",
            // others' choice by an option's text alone ("Some say Sydney, others say Canberra."): a letter where a
            // grader gives none
            "r6-en-168", "r6-es-028", "r6-en-192", "r6-en-193",
            // two option texts around a contrast: no letter by design (the question decides)
            "r6-en-024", "r6-en-079", "r6-en-131", "r6-zh-027",
            // an earlier thought, then the answer, in phrasings the data lacks
            "r6-zh-004", "r6-uk-002", "r6-zh-020", "r6-hi-013", "r6-ar-013", "r6-de-019", "r6-es-032", "r6-it-028",
            "r6-ar-020", "r6-uk-011",
            // a reconsideration set aside in shapes the rule does not see
            "r6-en-066", "r6-en-068", "r6-en-070", "r6-de-034", "r6-en-028",
            // a tag or hedge question read as a negation or a question ("C, isn't it?", "Cではないでしょうか")
            "r6-en-102", "r6-zu-014", "r6-ja-018", "r6-zh-026",
            "r6-ja-022", "r6-en-059", "r6-en-144",
            // another option's own label in a side note ("Saturn (C) is second")
            "r6-en-158", "r6-en-160", "r6-en-139",
            // Korean numbers ruled out in a list before the answer; the options restated before the answer
            "r6-ko-037", "r6-ko-038", "r6-en-083");

    @Test
    void everyReplyTheReviewReadsRightStaysReadRight() throws Exception {
        ReviewRounds.check("/extraction/review-round-six.jsonl", 619, KNOWN_MISREAD, 573);
    }
}
