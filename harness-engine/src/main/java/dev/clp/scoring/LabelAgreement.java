package dev.clp.scoring;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two checks on the letter of an answer that read the reply as written, beside the extractor's own reading:
 * <ul>
 *   <li>a letter given with an option's text that is <em>another</em> option's ("Answer: C) Beijing" where C is
 *       Tianjin and B is Beijing) says two things; a careful grader gives no letter, so neither does the harness;</li>
 *   <li>a short reply that ends in a lowercase letter after an answer word ("the answer is b", "答えは c です。",
 *       "impendulo ngu-b") is that letter, provided no other lone letter and no negation comes before it;</li>
 *   <li>two letters given together after the answer's label ("Answer: A, B") are two answers, no letter.</li>
 * </ul>
 */
final class LabelAgreement {

    private static final Pattern EMPHASIS = Pattern.compile("[*_`]+");
    /**
     * A label: the letter, then label punctuation (not a plain space: "A Moshi" is no label; not a dash either:
     * "D — Jupiter is a gas giant" explains, it does not label).
     */
    private static final String LABEL_TAIL = "\\s*[).:：、,，]\\s*";
    private static final Pattern LOWER_END = Pattern.compile(
            "^(?<pre>.*?)(?<![\\p{L}\\p{M}])(?<l>[a-j])(?![\\p{L}\\p{M}\\d])(?<post>[\\s.。!！:)\\]]*"
                    + "(?:です|입니다|ですね)?[\\s.。!！]*)$", Pattern.DOTALL);
    private static final Pattern LONE_LOWER = Pattern.compile("(?<![\\p{L}\\p{M}])[a-j](?![\\p{L}\\p{M}])");
    private static final int SHORT = 80;
    /** "Answer: A, B" at the end of a line: two letters given as one answer. */
    private static final Pattern TWO_LETTERS = Pattern.compile(
            "[:：]\\s*\\**([A-J])\\**\\s*(?:,|、|/|&|\\+|，)\\s*\\**([A-J])\\**\\s*[.。]?\\s*$", Pattern.MULTILINE);
    private static final Pattern SENTENCE_GOES_ON = Pattern.compile("\\s*\\(|\\s+[\\p{L}\\p{N}]");

    private LabelAgreement() {
    }

    /**
     * The reply with its closing lowercase letter made a capital, when it is a short reply whose letter follows an
     * answer word; otherwise the reply unchanged.
     */
    static String capitalizeClosingLetter(String body, int options) {
        String t = body.strip();
        if (t.length() > SHORT) {
            return body;
        }
        Matcher m = LOWER_END.matcher(t);
        if (!m.matches() || m.group("l").charAt(0) - 'a' >= options) {
            return body;
        }
        // folded as the answer words are: "ìdáhùn ni b"
        String pre = AnswerLanguages.fold(m.group("pre")).toLowerCase(Locale.ROOT);
        if (pre.isBlank() || LONE_LOWER.matcher(pre).find() || !containsAny(pre, AnswerLanguages.words(
                AnswerLanguages.Kind.ANSWER)) || containsWord(pre, AnswerLanguages.words(AnswerLanguages.Kind.NOT))) {
            return body;
        }
        return m.group("pre") + m.group("l").toUpperCase(Locale.ROOT) + m.group("post");
    }

    /**
     * The extraction unchanged, or unparseable when every labelled mention of the chosen letter carries another
     * option's text and none its own.
     */
    static Extraction check(Extraction found, String body, List<String> choices) {
        if (!(found instanceof Extraction.Choice choice)) {
            return found;
        }
        Matcher both = TWO_LETTERS.matcher(body);
        while (both.find()) {
            if (!both.group(1).equals(both.group(2))) {
                return new Extraction.Unparseable("two answers: " + both.group(1) + " and " + both.group(2)
                        + " given together after the answer's label");
            }
        }
        int chosen = choice.index();
        String letter = String.valueOf((char) ('A' + chosen));
        Matcher m = Pattern.compile("(?<![A-Za-z])" + letter + "(?![A-Za-z])" + LABEL_TAIL).matcher(
                EMPHASIS.matcher(body).replaceAll(""));
        String plain = EMPHASIS.matcher(body).replaceAll("");
        boolean agrees = false;
        int other = -1;
        while (m.find()) {
            String rest = fold(plain.substring(m.end()));
            if (startsWithOption(rest, choices.get(chosen))) {
                agrees = true;
            } else {
                // "so D. HTTP transfers web pages": after a full stop or a comma a sentence may go on with an
                // option's text; that is a label only when nothing but punctuation follows the text ("C. Beijing.")
                String tail = m.group().strip();
                boolean stop = !tail.endsWith(")") && !tail.endsWith(":") && !tail.endsWith("：");
                for (int j = 0; j < choices.size(); j++) {
                    if (j != chosen && fold(choices.get(j)).length() >= 2 && startsWithOption(rest, choices.get(j))
                            && !(stop && SENTENCE_GOES_ON.matcher(rest.substring(fold(choices.get(j)).length()))
                                    .lookingAt())) {
                        other = j;
                    }
                }
            }
        }
        if (other < 0 || agrees) {
            return found;
        }
        return new Extraction.Unparseable("the letter and the option text disagree: " + letter + " is given with the "
                + "text of option " + (char) ('A' + other) + " (\"" + excerpt(choices.get(other)) + "\")");
    }

    private static boolean startsWithOption(String rest, String option) {
        String o = fold(option);
        if (o.isEmpty() || !rest.startsWith(o)) {
            return false;
        }
        // "Paris" is not the start of "Parisian": a Latin option's text must end at a word boundary
        return rest.length() == o.length() || !Character.isLetter(rest.charAt(o.length()))
                || !isLatin(o.charAt(o.length() - 1));
    }

    private static String excerpt(String option) {
        String one = option.strip().replaceAll("\\s+", " ");
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }

    private static boolean isLatin(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    private static String fold(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String text, List<String> words) {
        for (String w : words) {
            if (!w.isEmpty() && text.contains(w.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsWord(String text, List<String> words) {
        for (String w : words) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (!lw.isEmpty() && Pattern.compile("(?<![\\p{L}])" + Pattern.quote(lw) + "(?![\\p{L}])").matcher(text)
                    .find()) {
                return true;
            }
        }
        return false;
    }
}
