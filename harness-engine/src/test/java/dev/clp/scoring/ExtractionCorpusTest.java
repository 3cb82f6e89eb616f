package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Extraction accuracy on every labelled corpus in {@code extraction/}: the templated {@code corpus.jsonl} (538
 * answers in 17 languages), the dev corpora {@code corpus-dev-*.jsonl} written for issue 15 (a and b by independent
 * helpers, c by the extractor's author before changing it for numbers, one-character options and the Ukrainian В,
 * d by an independent helper while the extractor was changed against it: re-listed options, number-word options),
 * and, when the lead adds it, a held-out corpus never tuned against (a file whose name contains {@code holdout}).
 * Two line formats: {@code {"lang","format","answer","expected","choices"}} (the first corpus) and
 * {@code {"id","lang","class","choices","text","finish_reason","expected"}}. Prints accuracy overall, per file, per
 * language and per class, and the cost per answer.
 */
class ExtractionCorpusTest {

    /** The bar on the dev corpora: what the extractor reaches on them, not lowered to pass. */
    static final double DEV_BAR = 0.98;
    /** The bar on a held-out corpus, set before it was seen. */
    static final double HOLDOUT_BAR = 0.95;
    /** The bar on the first, templated corpus. */
    static final double TEMPLATED_BAR = 0.99;

    /**
     * corpus-dev-e (the looked-at half of the second independent corpus, issue 15) and corpus-dev-d, measured at
     * 375/378 and 894/901 after the fourth round (two letters stated together, an apology inside a correction, what
     * remains after elimination, contrasts, Korean labels and re-listings, Zulu options without their initial vowel):
     * floors above the dev bar.
     */
    static final Map<String, Double> DEV_BARS = Map.ofEntries(Map.entry("corpus-dev-e.jsonl", 0.99), Map.entry("corpus-dev-d.jsonl", 0.99),
            // dev-c 162/167: its writer's two bare Cyrillic В without text read none, the extractor the third label
            Map.entry("corpus-dev-c.jsonl", 0.97),
            // the dev halves of the third (templated over 11 questions, long replies) and fourth (hand-written, one
            // question each) independent corpora, split from their held-out halves by sha256(id) before any result
            // was seen; measured 602/642 and 254/267 when they arrived, 637/642 and 260/267 after the fifth round, with
            // no false letter
            // (dev-g 262/267 after XL8's lost-answer round; 264/267 after XF10's: 所以答案是乙, "that is" conclusions)
            Map.entry("corpus-dev-f.jsonl", 0.992), Map.entry("corpus-dev-g.jsonl", 0.988),
            // X's dev half (256): 241/256 on arrival with 78d4a35's code, 256/256 after the round made on it
            Map.entry("corpus-dev-x.jsonl", 0.996),
            // the dev half of a fifth independent corpus (H, hand-written, 17 languages): its first 784 lines measured
            // on arrival at 742/784 with 18 false letters, before anything was changed for it; 750/784 with 10 after;
            // with the rest of its dev half (1,136 lines, 352 never looked at while fixing) 1,095/1,136 with 9;
            // 1,103/1,136 with 1 after the sixth round (hedged letter beside a possible one, qualified answer lines,
            // question back, a polite decline); 1,111/1,136 with 1 after the seventh round (a label with its text
            // before a comparison, "not A but B", "I mean" corrections); 1,114/1,136 with 1 after XL8's round
            // (words for "wrong" missing in the data, ordinal answers, an unclosed think block then the answer),
            // 1,115 with letters named beside a naming word (vitamin C, antigen A) no longer labels; 1,116 after XF10's
            // round (정답은 가입니다)
            Map.entry("corpus-dev-h.jsonl", 0.983),
            // the dev half of a sixth independent corpus (I, 2,040 answers generated from per-language phrase banks by
            // a helper who read no project code; 13 classes, contrasts and answer-then-elimination lists included),
            // split from its held-out half by sha256(id) % 2 before any result was seen: 899/989 on arrival, 14 false
            // letters; 901/989 after the seventh round; 915/989 with none after the eighth (two stated answers that
            // disagree without a correction, a letter only under a counterfactual, "both X and Y" connectors); apart
            // from it, 949/989 (26 lost) with 14 after XL8's round (words for "wrong" missing in the data; ordinal
            // answers "the third option", 첫 번째 보기; an unclosed think block, normal stop, then the answer); 959/989
            // (16 lost) with letters named beside a naming word (vitamin C, antigen A, B 항원) no labels; both rounds
            // together 973/989, 0 false letters; 981/989, none, after XF10's round (the labels under "Why the others are
            // wrong:" ruled out, +6; 才是正确的, +2)
            // 982/989 after XF11's round (an option ending in a sign found before a particle, "O−입니다")
            Map.entry("corpus-dev-i.jsonl", 0.992),
            // the dev half of a seventh independent corpus (J, 1,164 answers hand-written one by one by a helper who read
            // only the issue; 14 classes, ordinals and corrections included), split by sha256(id) % 2 before any result
            // was seen: 507/582 on arrival, 10 false letters; 509/582 with 8 after the eighth round (made without it);
            // 522/582 with 8 with XL8's round beside it (made without it too); 517/582 with none after the ninth alone
            // (a firm answer line against a later concluding clause, "…, so the correct answer is D"; counterfactuals
            // about the question, "if the question were about X"); 530/582 with none with all three rounds; 547/582
            // (93.99 %), none, after XL9's bare ordinals ("the last one", 第一个。, 2つ目が正解, "La deuxième."); 551/582
            // (94.67 %), none, with "B, לא C" / "A, не C" (a negation that is also "wrong" goes with the next letter);
            // 552/582 (94.85 %), none, with "La A, non la B" (an article between a negation and its letter); 556/582
            // (95.53 %), none, with "No es el Atlántico (A) sino …" (a bracketed letter after a negated phrase);
            // 567/582 (97.42 %), none, after XF10's round (所以答案是乙 / 정답은 라입니다, "बचता है D", an earlier thought
            // then the answer, a headline answer with references after it, "o sea la C"); 569/582 (97.77 %), none,
            // with an option named by its last word ("Picasso.")
            Map.entry("corpus-dev-j.jsonl", 0.977),
            // the dev half of an eighth independent corpus (N, 442 replies written by a helper who read only the issue,
            // two thirds naming letters but choosing none), split by sha256(id) % 2 before any result was seen:
            // 191/215 on arrival, 22 false letters (letter lists, ranges "A–D", conditionals, either/or, hedges);
            // 197/215, 16 false letters, with an answer line of several letters ("Answer: A, C, D") no letter; 202/215,
            // 11, with a range of letters ("A–D", "A à D") no answer; 205/215, 9, with XF10's round and declines to
            // choose ("so I won't pick", "sitachagua", "不想乱猜") in the data; 208/215, 6, with two letters each under
            // its own condition no letter ("si …, c'est C ; si …, c'est A"); 210/215, 4, with either/or no letter
            // ("या तो A है या B", "ingu-A noma u-B"); 213/215, 1, with a capital that is an option's text used as a word
            // ("C נוצרה", "C 语言") no label and declines in the data (没法只选, 決められません, אינני בוחר); 214/215, none,
            // with "it cannot be decided" in the data ("lässt sich nicht entscheiden", "impossible de trancher")
            Map.entry("corpus-dev-n.jsonl", 0.995),
            // the dev half of a ninth independent corpus (K, 759 replies hand-written by a helper who read only the
            // issue, the 14 classes of J), split by sha256(id) % 2 before any result was seen: 352/371 on arrival
            // (with the letter-list rule made on N), 1 false letter; 354/371, none, with a reply of bare letters only
            // ("B, D") no letter; 357/371, none, 2 wrong, with "rather A than C" ("Más bien A que C", "Eher D als B");
            // 358/371, 1 wrong, with a Hebrew label before a hyphen and a digit a prefix ("נוסד ב-1912"); no wrong letter
            // with 之所以 no conclusion; 360/371 after the answer-line rule (2026-12-03, second stop); an opening-
            // sentence rule that read H 1,123/1,136 and J 571/582 was withdrawn after an independent review showed it
            // guessing ("The largest city is Sydney. The capital is Canberra." read Sydney)
            Map.entry("corpus-dev-k.jsonl", 0.970),
            // the dev half of a tenth independent corpus (P, 773 replies hand-written by a helper who read only the
            // issue, half of them plain formats, 29 % no letter), split by sha256(id) % 2 before any result was seen:
            // 376/386 on arrival (with the opening-sentence rule made on the dev corpora before P was there), 6 false
            // letters (options restated as a list, a counterfactual in Korean, a withdrawn value); 382/386, none,
            // after the series rule, 답이겠지만 and an ellipsis before "no"
            Map.entry("corpus-dev-p.jsonl", 0.989),
            // the dev half of an eleventh independent corpus (O, 1,045 replies hand-written by a helper who read only
            // the issue, long and multi-line ones a third of them, 19 % no letter), split by sha256(id) % 2 before any
            // result was seen: 514/532 on arrival (code of cca426c), 1 false letter, 1 wrong; 518/532, none, after
            // others' choices ("Many learners pick B"), "äh, nein", a Korean decline and the chandrabindu
            Map.entry("corpus-dev-o.jsonl", 0.973),
            // the dev half of a twelfth independent corpus (Q, 855 replies hand-written by a helper who read only the
            // issue, models of different strength answering translated questions: code-switching, restated options,
            // hedges, loops cut off), split by sha256(id) % 2 before any result was seen: 409/427 on arrival (code of
            // da34d97), 9 false letters; 416/427 with 2 after a reply that ends unsure of its answer is no letter
            Map.entry("corpus-dev-q.jsonl", 0.974),
            // the dev halves of a thirteenth and fourteenth independent corpus, written from the issue alone for the
            // same stop: R (572 replies, 56 % naming options but choosing none, next to look-alikes that do choose) and
            // S (606 plain answers in each language's own idiom), split by sha256(id) % 2 before any result was seen:
            // R 272/293 on arrival (code of ca59e30), 15 false letters; 280/293 with 7 after withdrawals in the data
            // ("I'll retract that", "先撤回这个答案", "この回答は取り消します", "উত্তর দিচ্ছি না") and "none of the above" in
            // Hindi; S 306/307 on arrival, none
            Map.entry("corpus-dev-r.jsonl", 0.955), Map.entry("corpus-dev-s.jsonl", 0.996),
            // the dev half of a fifteenth (T, 340 short replies on how a reply ends: withdrawn, undecided, two
            // readings, a flawed question, against look-alikes that commit), split by sha256(id) % 2 before any result
            // was seen: 151/176 on arrival (code of e5ec1b8), 20 false letters; 171/176, none, with the declines,
            // withdrawals and "both readings" phrases of 17 languages in the data
            Map.entry("corpus-dev-t.jsonl", 0.971),
            // U (the mix), V (clear answers easily lost) and W (letter-or-none twins), written from the issue
            // alone on 2026-12-03: on arrival dev-u 277/285 (2 false letters), dev-v 279/305 (0), dev-w 253/267 (14)
            Map.entry("corpus-dev-u.jsonl", 0.985), Map.entry("corpus-dev-v.jsonl", 0.940),
            Map.entry("corpus-dev-w.jsonl", 0.992));

    /**
     * Letters where a grader gives none that are known and open, by file and id: a bare kana label with a copula
     * ("イです。") that H counts as no letter. I's dev half had 14 on arrival (two stated answers that disagree, a
     * letter under a counterfactual, "sowohl A als auch D"), none since the eighth round. J's dev half had 10 on
     * arrival, 8 after the eighth round (a firm answer line and a later, different "…, therefore the correct option
     * is D" never retracted; a counterfactual alone, "if the question were about X, the answer would be D"), none
     * since the ninth.
     */
    static final Map<String, List<String>> KNOWN_FALSE_LETTERS = Map.of(
            // N's dev half had 22 on arrival and K's 1 ("B, D"), none since XF11's round (see DEV_BARS); each id leaves
            // this list when its class is fixed
            // C's writer reads a bare Cyrillic В as undecided (Latin B or the third Ukrainian label); the issue and
            // four other writers (O, P, R, S) read the third label, and so does the extractor: a disagreement of graders
            "corpus-dev-c.jsonl", List.of("uk-cyrillic-label-01", "uk-cyrillic-label-11"),
            // and, since Arabic and Hebrew proclitics before an option's text are read ("بالحديد", "בעור"), a field
            // named in passing in a list of others ("مثل الرياضيات والفلك والجغرافيا") in a reply that answers nothing
            "corpus-dev-h.jsonl", List.of("ja-native-label-22-h", "ar-no-letter-41-h"),
            // Q's dev half had two left after its first round: a hedge between two options ("…, lakini pia A
            // inawezekana"), none since the words for "is also possible" joined the data (hedgeAfter), and a reply that
            // answers a question of its own with numbered options of its own, none since ownOptions
            "corpus-dev-q.jsonl", List.of(),
            // R's dev half, open after its round: answers to another question that name an option's text in passing,
            // an option inside a compound ("תואר הפועל"), an ask-back, two final answers that disagree (re-listed
            // options commented one by one under ①–④ left the list when labels opening lines became a listing)
            "corpus-dev-r.jsonl", List.of("yo-off-question-01-r", "zu-off-question-01-r", "he-off-question-01-r",
                    "he-value-not-option-01-r", "he-askback-02-r", "fr-two-finals-02-r"),
            // U and W, open after their first round: two readings listed with their labels and answered under
            // conditions ("إذا كان المقصود … فهو A، أما إذا … فقد يكون B", "відповідь була б C … — D")
            "corpus-dev-u.jsonl", List.of("ar-no-answer-02-u"),
            "corpus-dev-w.jsonl", List.of("uk-hypothetical-01-w", "bn-hypothetical-01-w"));

    /**
     * The held-out corpora's floors, each measured without looking at its lines. corpus-holdout-5 (H's held-out
     * half, 1,131 lines) was measured once, with the code as it stood when H's dev half had been worked on:
     * 1,077/1,131 (95.23 %), 12 false letters. corpus-holdout-4's floor went from 0.96 to 0.957 with the rule that
     * two firm answer lines disagreeing give no letter: it took 13 dev false letters to 2 and cost that corpus one
     * clear answer (274 to 273 of 285), no false letter: false letters are worse than lost answers. After the sixth
     * round (dev-h's false letters only) the totals printed: corpus-holdout-5 1,080/1,131 (95.49 %), 9 false letters;
     * corpus-holdout-3 613/628, 2 false letters; the others unchanged. After the seventh round (dev lines only):
     * corpus-holdout-5 1,084/1,131 (95.84 %), 9 false letters, the others unchanged. After the eighth round (dev-i's
     * false letters only: two stated answers that disagree, counterfactuals, "both X and Y"): corpus-holdout-5
     * 1,085/1,131 (95.93 %), 8 false letters; corpus-holdout-6 961/1,051 (91.44 %), 3 false letters; the others
     * unchanged. After the ninth round (dev-j's false letters only: a firm answer line against a later concluding
     * clause, counterfactuals about the question): corpus-holdout-6 962/1,051 (91.53 %), 2 false letters;
     * corpus-holdout-7 529/582 (90.89 %), 4 false letters; the others unchanged.
     * Apart from the eighth and ninth, after XL8's round (lost clear answers on dev lines: "wrong" words, ordinals, an
     * unclosed think block then the answer): corpus-holdout-6 1,002/1,051 (95.34 %), 12 false letters, 3 wrong;
     * corpus-holdout-5 1,086/1,131 (96.02 %), 9 false letters; the others unchanged; then with letters named beside a
     * naming word no labels (vitamin C, antigen A): holdout-6 1,022/1,051 (97.24 %), 12 false letters, 1 wrong;
     * holdout-3 614/628, 2 false letters, 2 wrong; the others as before. The eighth round and XL8's together (merged,
     * J never looked at by either): holdout-5 1,087/1,131 (96.11 %), 8 false letters; holdout-6 1,031/1,051
     * (98.10 %), 3; holdout-7 537/582 (92.27 %), 8; holdout-3 614/628; the others unchanged. All three rounds together: holdout-6 1,032/1,051 (98.19 %), 2 false letters; holdout-7 541/582 (92.96 %),
     * 4; the others as with two. With XL9's bare ordinals (made on dev-j) on top: holdout-7 551/582 (94.67 %), 4;
     * with XL9's "B, לא C" too: holdout-7 553/582 (95.02 %), 4; with "La A, non la B" too: holdout-5 1,088/1,131
     * (96.20 %), 8; holdout-6 1,033/1,051 (98.29 %), 2; holdout-7 554/582 (95.19 %), 4; with "Siyo moyo (A) — …, B" too:
     * holdout-7 556/582 (95.53 %), 4; the others unchanged. After XF10's round (dev-i and dev-j lost answers only:
     * the others heading, glued native labels, what remains, an earlier thought, a headline answer, "that is", a
     * Korean particle after a bracket, 才是正确的): holdout-2 321/334 (96.11 %), 2 false letters; holdout-4 274/285
     * (96.14 %), 3; holdout-5 1,091/1,131 (96.46 %), 8 (wrong letters 13 to 11); holdout-6 1,040/1,051 (98.95 %),
     * 2 (wrong letters 1 to 0); the others unchanged; with an option named by its last word ("Picasso.") too:
     * holdout-7 559/582 (96.05 %), 4; the others as before. Ceilings and floors follow them.
     */
    static final Map<String, Integer> HOLDOUT_FALSE_LETTERS = Map.ofEntries(Map.entry("corpus-holdout.jsonl", 2),
            // holdout-2 322/334 (96.41 %), 1 false letter, holdout-4 275/285 (96.49 %) after XF11's round
            Map.entry("corpus-holdout-2.jsonl", 1), Map.entry("corpus-holdout-3.jsonl", 2), Map.entry("corpus-holdout-4.jsonl", 3),
            // 1,092/1,131 (96.55 %), 7, after XF11's round (a reply of bare letters only, "B, D", no letter)
            // 1,093/1,131, 8, since a bare Cyrillic В reads as the third Ukrainian label (all fifteen held-out
            // halves: 13 answers more read, this 1 letter more where its grader gives none)
            Map.entry("corpus-holdout-5.jsonl", 8),
            // I's held-out half (1,051), measured once on arrival with the code of the sixth round: 952/1,051
            // (90.58 %), 12 false letters, 3 wrong letters; 961/1,051, 3 false letters after the eighth round;
            // 962/1,051, 2 after the ninth
            Map.entry("corpus-holdout-6.jsonl", 2),
            // J's held-out half (582), measured once on arrival with the code of the seventh round: 518/582
            // (89.00 %), 15 false letters, 10 wrong letters, 39 lost; with the eighth round (made on dev-i before J
            // was there) 525/582 (90.21 %), 8 false letters; with the ninth (made on dev-j, J's other half)
            // 529/582 (90.89 %), 4 false letters
            Map.entry("corpus-holdout-7.jsonl", 4),
            // N's held-out half (227), measured once on arrival with the code of c170cee: 205/227 (90.31 %), 20 false
            // letters, 0 wrong, 2 lost; 209/227 (92.07 %), 16, with an answer line of several letters no letter;
            // 214/227 (94.27 %), 11, with a range of letters no answer; 12 with XF10's round (made without N: an
            // earlier thought overridden by a later hedged letter), 215/227 (94.71 %), 11, once only a firm later
            // letter overrides it; 218/227 (96.04 %), 8, with two letters each under its own condition no letter
            Map.entry("corpus-holdout-8.jsonl", 7),
            // K's held-out half (388), measured once on arrival with the code of 1bacc86: 365/388 (94.07 %), 0 false
            // letters, 4 wrong, 19 lost
            Map.entry("corpus-holdout-9.jsonl", 0),
            // P's held-out half (387), measured once on arrival with the code of 9bb0971: 382/387 (98.71 %), 2 false
            // letters, 0 wrong, 3 lost; 383/387, 1 false letter, after the round made on dev-p
            Map.entry("corpus-holdout-10.jsonl", 1),
            // O's held-out half (513), measured once on arrival with the code of cca426c: 500/513 (97.47 %), 0 false
            // letters, 1 wrong, 12 lost
            Map.entry("corpus-holdout-11.jsonl", 0),
            // Q's held-out half (428), measured once on arrival with the code of da34d97: 405/428 (94.63 %), 10 false
            // letters, 0 wrong, 13 lost; 408/428 (95.33 %), 7, after the round made on dev-q
            // 409/428 (95.56 %), 6, with a question of the reply's own (ownOptions) no letter; 408/428, 7, after the
            // independent review's fixes (the opening-sentence rule withdrawn, "not sure why …" no withdrawal)
            Map.entry("corpus-holdout-12.jsonl", 7),
            // R's and S's held-out halves (279 and 299), measured once on arrival with the code of ca59e30: R 263/279
            // (94.27 %), 10 false letters, 0 wrong, 6 lost, unchanged by the round on dev-r; S 297/299 (99.33 %), none
            // R 264/279, 9, once labels opening lines without punctuation ("① 태권도 — …") are a listing
            // R 267/279, 7, after the seventh review's round ("Wait, no." with nothing after takes an answer back)
            Map.entry("corpus-holdout-13.jsonl", 7), Map.entry("corpus-holdout-14.jsonl", 0),
            // T's held-out half (164), measured once on arrival with the code of e5ec1b8: 144/164 (87.80 %), 16 false
            // letters; 146/164, 14, after the phrases made on dev-t: the phrases of one half do not carry the other's
            Map.entry("corpus-holdout-15.jsonl", 11),
            // U's and W's held-out halves (310, 243), measured once on arrival with the code of 5c7a66a: U 303/310
            // (97.74 %), 2 false letters; W 228/243 (93.83 %), 11; V's (290) with the rules made on dev-u and dev-w
            // since (a text after its letter was ruled out, "B is wrong: …"): 268/290 (92.41 %), 0. After the round on their
            // dev halves: U 304/310, 1; W 229/243, 10; V 272/290, 0; after the fixes of the independent review
            // (AnswerExtractorReviewRoundFourTest: "if I had to choose, B" after an apology commits again) U 303/310, 2
            // after the fifth review's round (a letter only asked about, a thought or an answer taken back, an
            // option named only as an earlier or others' thought, contrasted option texts): T 149/164, 11; W
            // 230/243, 9; N 220/227, 7
            Map.entry("corpus-holdout-16.jsonl", 2), Map.entry("corpus-holdout-17.jsonl", 9),
            Map.entry("corpus-holdout-18.jsonl", 0),
            // X's held-out half (254; long replies as chat models write them, from templates per language), measured
            // once on arrival with the code of 78d4a35: 239/254 (94.09 %), 3 false letters, 1 wrong, 11 lost; 246/254
            // (96.85 %), 2, after the fifth review's round and the one made on dev-x (an answer line, then why the
            // others are not; an accented capital is a word; Spanish "las demás")
            Map.entry("corpus-holdout-19.jsonl", 2));
    // holdout-2 323 -> 322 with the fifth review's words (for an earlier thought, for a correction): an answer, not
    // looked into (held out), against 4 more read and 4 fewer false letters over the other held-out halves
    static final Map<String, Double> HOLDOUT_BARS = Map.ofEntries(Map.entry("corpus-holdout-2.jsonl", 0.964),
            Map.entry("corpus-holdout-3.jsonl", 0.977), Map.entry("corpus-holdout-4.jsonl", 0.964), Map.entry("corpus-holdout-5.jsonl", 0.966),
            Map.entry("corpus-holdout-6.jsonl", 0.990), Map.entry("corpus-holdout-7.jsonl", 0.960),
            Map.entry("corpus-holdout-8.jsonl", 0.969), Map.entry("corpus-holdout-9.jsonl", 0.943), Map.entry("corpus-holdout-10.jsonl", 0.989),
            Map.entry("corpus-holdout-11.jsonl", 0.972), Map.entry("corpus-holdout-12.jsonl", 0.955),
            Map.entry("corpus-holdout-13.jsonl", 0.956), Map.entry("corpus-holdout-14.jsonl", 0.993),
            Map.entry("corpus-holdout-15.jsonl", 0.908), Map.entry("corpus-holdout-16.jsonl", 0.977),
            Map.entry("corpus-holdout-17.jsonl", 0.946), Map.entry("corpus-holdout-18.jsonl", 0.937),
            Map.entry("corpus-holdout-19.jsonl", 0.968));

    record Row(String file, int line, String id, String lang, String cls, List<String> choices, String text,
            String finishReason, String expected) {
    }

    static final class Tally {
        int total;
        int right;
        int falseLetters;
        int wrongLetters;
        int lost;

        void add(String expected, String got) {
            total++;
            if (Objects.equals(expected, got)) {
                right++;
            } else if (expected == null) {
                falseLetters++;
            } else if (got != null) {
                wrongLetters++;
            } else {
                lost++;
            }
        }

        double accuracy() {
            return total == 0 ? 0 : right / (double) total;
        }

        @Override
        public String toString() {
            return String.format("%d/%d (%.2f%%), %d false letters, %d wrong letters, %d lost", right, total,
                    accuracy() * 100, falseLetters, wrongLetters, lost);
        }
    }

    static List<Path> corpusFiles() {
        try {
            Path dir = Path.of(ExtractionCorpusTest.class.getResource("/extraction").toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().matches("corpus.*\\.jsonl")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row = json.readTree(lines.get(i));
            List<String> choices = new ArrayList<>();
            row.get("choices").forEach(c -> choices.add(c.asText()));
            String text = row.has("text") ? row.get("text").asText() : row.get("answer").asText();
            String cls = row.has("class") ? row.get("class").asText() : row.path("format").asText("?");
            JsonNode stop = row.path("finish_reason");
            JsonNode expected = row.get("expected");
            rows.add(new Row(name, i + 1, row.path("id").asText(name + ":" + (i + 1)), row.get("lang").asText(), cls,
                    choices, text, stop.isTextual() ? stop.asText() : null,
                    expected == null || expected.isNull() ? null : expected.asText()));
        }
        return rows;
    }

    static String letter(Extraction e) {
        return e instanceof Extraction.Choice c ? String.valueOf((char) ('A' + c.index())) : null;
    }

    @Test
    void everyCorpusIsReadRightAndNoneGivesALetterWhereAGraderGivesNone() throws IOException {
        Tally all = new Tally();
        Tally dev = new Tally();
        Map<String, Tally> byFile = new TreeMap<>();
        Map<String, Tally> byLanguage = new TreeMap<>();
        Map<String, Tally> byClass = new TreeMap<>();
        Tally held = new Tally();
        Map<String, Tally> heldByLanguage = new TreeMap<>();
        Map<String, List<String>> misses = new TreeMap<>();
        Map<String, List<String>> falseLetterIds = new TreeMap<>();
        for (Path file : corpusFiles()) {
            for (Row r : read(file)) {
                String got = letter(AnswerExtractor.extract(r.lang(), r.text(), r.choices(), r.finishReason()));
                boolean holdout = r.file().contains("holdout");
                all.add(r.expected(), got);
                if (!holdout && !r.file().equals("corpus.jsonl")) {
                    dev.add(r.expected(), got);
                }
                byFile.computeIfAbsent(r.file(), k -> new Tally()).add(r.expected(), got);
                if (holdout) {
                    // counted per language only: the held-out rows are never printed or looked into
                    held.add(r.expected(), got);
                    heldByLanguage.computeIfAbsent(r.lang(), k -> new Tally()).add(r.expected(), got);
                } else {
                    // the held-out corpus is only ever counted, never looked into
                    byLanguage.computeIfAbsent(r.lang(), k -> new Tally()).add(r.expected(), got);
                    byClass.computeIfAbsent(r.cls(), k -> new Tally()).add(r.expected(), got);
                    if (r.expected() == null && got != null) {
                        falseLetterIds.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r.id());
                    }
                    if (!Objects.equals(r.expected(), got)) {
                        misses.computeIfAbsent(r.file(), k -> new ArrayList<>()).add(r.id() + " [" + r.lang() + "/"
                                + r.cls() + "] expected " + r.expected() + ", got " + got + ": "
                                + r.text().replace('\n', ' '));
                    }
                }
            }
        }
        System.out.println("extraction corpora: " + all);
        System.out.println("  dev corpora: " + dev);
        System.out.println("  held-out corpora: " + held);
        heldByLanguage.forEach((l, t) -> System.out.println("  held-out lang " + l + ": " + t));
        byFile.forEach((f, t) -> System.out.println("  file " + f + ": " + t));
        byLanguage.forEach((l, t) -> System.out.println("  lang " + l + ": " + t));
        byClass.forEach((c, t) -> System.out.println("  class " + c + ": " + t));
        misses.forEach((f, list) -> list.forEach(m -> System.out.println("  miss " + f + " " + m)));

        Tally templated = byFile.get("corpus.jsonl");
        assertThat(templated).as("the first corpus").isNotNull();
        assertThat(templated.total).isGreaterThanOrEqualTo(500);
        assertThat(all.total).as("answers over every corpus").isGreaterThanOrEqualTo(1500);
        assertThat(byLanguage).hasSize(17);
        byFile.forEach((f, t) -> {
            if (f.contains("holdout")) {
                // measured, untuned: a floor against regressions, not the goal (0 false letters, 98 %), which stays
                // open; these files must never be used to change the extractor
                assertThat(t.falseLetters).as(f + ": letters where a grader gives none")
                        .isLessThanOrEqualTo(HOLDOUT_FALSE_LETTERS.getOrDefault(f, 0));
            } else {
                assertThat(falseLetterIds.getOrDefault(f, List.of())).as(f + ": letters where a grader gives none")
                        .isSubsetOf(KNOWN_FALSE_LETTERS.getOrDefault(f, List.of()));
            }
        });
        assertThat(templated.accuracy()).as("corpus.jsonl accuracy").isGreaterThanOrEqualTo(TEMPLATED_BAR);
        byFile.forEach((f, t) -> {
            if (f.contains("holdout")) {
                assertThat(t.accuracy()).as(f + " accuracy").isGreaterThanOrEqualTo(
                        HOLDOUT_BARS.getOrDefault(f, HOLDOUT_BAR));
            } else if (!f.equals("corpus.jsonl")) {
                assertThat(t.accuracy()).as(f + " accuracy").isGreaterThanOrEqualTo(DEV_BARS.getOrDefault(f, DEV_BAR));
            }
        });
    }

    /** The cost of extraction per answer over every corpus: a printed figure, not a timed assertion. */
    @Test
    void printsTheCostPerAnswer() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Path file : corpusFiles()) {
            rows.addAll(read(file));
        }
        assertThat(rows).isNotEmpty();
        long sink = 0;
        for (int warm = 0; warm < 20; warm++) {
            for (Row r : rows) {
                sink += AnswerExtractor.extract(r.lang(), r.text(), r.choices(), r.finishReason()).hashCode();
            }
        }
        int passes = 20;
        long start = System.nanoTime();
        for (int p = 0; p < passes; p++) {
            for (Row r : rows) {
                sink += AnswerExtractor.extract(r.lang(), r.text(), r.choices(), r.finishReason()).hashCode();
            }
        }
        long elapsed = System.nanoTime() - start;
        double mean = rows.stream().mapToInt(r -> r.text().length()).average().orElse(0);
        System.out.printf("extraction cost: %.0f ns per answer over %d answers (mean %.0f chars), %d passes (%d)%n",
                elapsed / (double) (passes * rows.size()), rows.size(), mean, passes, sink & 1);
    }
}
