package dev.clp.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ChatRequest;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a free-text answer into a choice index, in layers, without a second model call:
 * <ol>
 *   <li>structured output: a JSON object {@code {"answer":"B"}} (what {@code clp.answer-format=json} asks
 *       for), also inside a markdown code fence; any other JSON falls through to the text layers;</li>
 *   <li>normalization: NFKC (full-width letters and brackets become ASCII), markdown emphasis removed,
 *       native option labels (Cyrillic look-alikes, Arabic, Hebrew, Devanagari, Bengali) mapped to A, B, C…;</li>
 *   <li>the whole answer is one letter ({@code B}, {@code (B)}, {@code B.});</li>
 *   <li>a localized answer word followed by a letter ({@code Answer: B}, {@code 答案是B}, {@code Jibu sahihi ni B});</li>
 *   <li>a leading option label ({@code (B) text}, {@code B. text});</li>
 *   <li>the answer is the text of exactly one option;</li>
 *   <li>exactly one letter standing as an option label anywhere in the text.</li>
 * </ol>
 * Anything else, two different letters included, is {@link Extraction.Unparseable}: a refusal or an
 * ambiguous answer is never turned into a letter.
 */
public final class AnswerExtractor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*|\\s*```$");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`#]+");
    private static final Pattern SINGLE = Pattern.compile("^[\\s(\\[{\"'«“]*([A-Za-z])[\\s)\\]}\"'»”.:;,!。．、]*$");
    private static final Pattern LEADING = Pattern.compile("^\\s*[(\\[]?([A-Z])(?:[)\\]]|[.:：．、](?=\\s|$)|\\s+[—–-]\\s)");

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Pattern LABEL = Pattern.compile("(?<![\\p{L}\\p{N}])([A-Z])(?:[)\\].:：]|$)|\\(([A-Z])\\)");
    private static final Pattern BARE = Pattern.compile("(?<![\\p{L}\\p{N}])([A-Z])(?![\\p{L}\\p{N}])");

    private AnswerExtractor() {
    }

    /**
     * Extracts the choice from a raw answer.
     *
     * @param lang the language the question was asked in
     * @param raw the model's answer, untrusted
     * @param choices the options as shown to the model
     */
    public static Extraction extract(String lang, String raw, List<String> choices) {
        if (raw == null || raw.isBlank()) {
            return new Extraction.Unparseable("empty answer");
        }
        int n = choices.size();
        Extraction structured = structured(raw, n);
        if (structured != null) {
            return structured;
        }
        String text = normalize(raw);
        Matcher single = SINGLE.matcher(text);
        if (single.matches()) {
            return inRange(single.group(1).toUpperCase(Locale.ROOT), n, "letter");
        }
        Integer byWord = afterAnswerWord(lang, text, n);
        if (byWord != null && byWord == AMBIGUOUS) {
            return new Extraction.Unparseable("ambiguous: several options after the answer word");
        }
        if (byWord != null) {
            return new Extraction.Choice(byWord, "answer-word");
        }
        Set<Integer> named = standaloneLabels(text, n);
        named.addAll(bareLetters(text, n));
        named.addAll(hedgedLetters(text, n));
        if (named.size() > 1) {
            StringBuilder found = new StringBuilder();
            named.forEach(i -> found.append(found.length() == 0 ? "" : ", ").append((char) ('A' + i)));
            return new Extraction.Unparseable("ambiguous: several options named (" + found + ")");
        }
        Matcher leading = LEADING.matcher(text);
        if (leading.find()) {
            int idx = leading.group(1).charAt(0) - 'A';
            if (idx < n) {
                return new Extraction.Choice(idx, "leading-label");
            }
        }
        Integer byText = optionText(text, choices);
        if (byText != null) {
            return new Extraction.Choice(byText, "option-text");
        }
        Set<Integer> labels = standaloneLabels(text, n);
        if (labels.size() == 1 && !bareLetters(text, n).stream().anyMatch(i -> !labels.contains(i))) {
            return new Extraction.Choice(labels.iterator().next(), "label");
        }
        labels.addAll(bareLetters(text, n));
        if (labels.size() > 1) {
            StringBuilder found = new StringBuilder();
            labels.forEach(i -> found.append(found.length() == 0 ? "" : ", ").append((char) ('A' + i)));
            return new Extraction.Unparseable("ambiguous: several options named (" + found + ")");
        }
        return new Extraction.Unparseable("no option letter or option text found");
    }

    /** The structured layer: null when the answer is not a JSON object with a textual "answer". */
    private static Extraction structured(String raw, int n) {
        String t = raw.strip();
        if (t.startsWith("```")) {
            t = FENCE.matcher(t).replaceAll("").strip();
        }
        if (!t.startsWith("{") || !t.endsWith("}")) {
            return null;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(t).path(ChatRequest.ANSWER_PROPERTY);
        } catch (JsonProcessingException notJson) {
            return null; // prose in braces: the text layers decide
        }
        if (!answer.isTextual()) {
            return null;
        }
        String letter = Normalizer.normalize(answer.asText(), Normalizer.Form.NFKC).strip();
        if (letter.length() != 1 || !Character.isLetter(letter.charAt(0))) {
            return new Extraction.Unparseable("structured answer '" + excerpt(letter) + "' is not an option letter");
        }
        return inRange(letter.toUpperCase(Locale.ROOT), n, "structured");
    }

    private static String excerpt(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static Extraction inRange(String letter, int n, String method) {
        int idx = letter.charAt(0) - 'A';
        return idx < n ? new Extraction.Choice(idx, method)
                : new Extraction.Unparseable("letter " + letter + " is not one of the " + n + " options");
    }

    /** NFKC, emphasis removed, native option labels mapped to Latin capitals. */
    static String normalize(String raw) {
        String t = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        t = EMPHASIS.matcher(t).replaceAll("");
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            char mapped = nativeLabel(t, i);
            sb.append(mapped != 0 ? mapped : c);
        }
        return sb.toString().strip();
    }

    /**
     * Maps a native option label to A–D when it stands alone (not inside a word): Cyrillic look-alikes
     * А/В/С, Arabic أ ب ج د, Hebrew א ב ג ד, Devanagari क ख ग घ, Bengali ক খ গ ঘ, Amharic ሀ ለ ሐ መ.
     */
    private static char nativeLabel(String t, int i) {
        char c = t.charAt(i);
        int idx = switch (c) {
            case 'А' -> 0;
            case 'В' -> 1;
            case 'С' -> 2;
            case 'أ', 'א', 'क', 'ক', 'ሀ' -> 0;
            case 'ب', 'ב', 'ख', 'খ', 'ለ' -> 1;
            case 'ج', 'ג', 'ग', 'গ', 'ሐ' -> 2;
            case 'د', 'ד', 'घ', 'ঘ', 'መ' -> 3;
            default -> -1;
        };
        if (idx < 0) {
            return 0;
        }
        boolean startAlone = i == 0 || !isWordChar(t.charAt(i - 1));
        boolean endAlone = i + 1 >= t.length() || !isWordChar(t.charAt(i + 1));
        return startAlone && endAlone ? (char) ('A' + idx) : 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** A letter standing within a few characters after a localized (or English) answer word. */
    private static Integer afterAnswerWord(String lang, String text, int n) {
        String lower = text.toLowerCase(Locale.ROOT);
        Integer found = null;
        for (List<String> words : List.of(LanguageText.of(lang).answerWords(), LanguageText.of("en").answerWords())) {
            for (String word : words) {
                int from = 0;
                while (true) {
                    int at = lower.indexOf(word, from);
                    if (at < 0) {
                        break;
                    }
                    Integer idx = letterNear(text, at + word.length(), n);
                    if (idx != null && idx == AMBIGUOUS) {
                        return AMBIGUOUS;
                    }
                    if (idx != null) {
                        if (found != null && !found.equals(idx)) {
                            return AMBIGUOUS;
                        }
                        found = idx;
                    }
                    from = at + word.length();
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static final int AMBIGUOUS = -2;

    /**
     * The first capital A.. within the next few non-letter characters or short connecting words; AMBIGUOUS
     * when another option letter follows it closely ("Answer: A or C").
     */
    private static Integer letterNear(String text, int start, int n) {
        Integer first = firstLetter(text, start, n);
        if (first == null || first < 0) {
            return first;
        }
        int after = text.indexOf((char) ('A' + first), start) + 1;
        Matcher m = BARE.matcher(text).region(after, Math.min(text.length(), after + 12));
        while (m.find()) {
            int other = m.group(1).charAt(0) - 'A';
            if (other != first && other < n) {
                return AMBIGUOUS;
            }
        }
        return first;
    }

    private static Integer firstLetter(String text, int start, int n) {
        int limit = Math.min(text.length(), start + 24);
        int i = start;
        while (i < limit) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                boolean before = i == 0 || !Character.isLetter(text.charAt(i - 1)) || isConnector(text, i);
                boolean after = i + 1 >= text.length() || !Character.isLetter(text.charAt(i + 1))
                        || isCjk(text.charAt(i + 1));
                if (before && after) {
                    int idx = c - 'A';
                    return idx < n ? idx : null;
                }
                return null;
            }
            if (Character.isDigit(c)) {
                return null;
            }
            i++;
        }
        return null;
    }

    /** CJK and Korean text has no spaces: 答案是B, 정답은B. */
    private static boolean isConnector(String text, int i) {
        return isCjk(text.charAt(i - 1));
    }

    private static boolean isCjk(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    /** The one option whose full text the answer contains, when exactly one matches. */
    private static Integer optionText(String text, List<String> choices) {
        String answer = simplify(text);
        if (answer.isEmpty()) {
            return null;
        }
        Integer exact = null;
        Set<Integer> contained = new TreeSet<>();
        for (int i = 0; i < choices.size(); i++) {
            String c = simplify(Normalizer.normalize(choices.get(i), Normalizer.Form.NFKC));
            if (c.isEmpty()) {
                continue;
            }
            if (c.equals(answer)) {
                if (exact != null) {
                    return null;
                }
                exact = i;
            }
            if (answer.contains(c)) {
                contained.add(i);
            }
        }
        if (exact != null) {
            return exact;
        }
        if (contained.size() == 1) {
            int i = contained.iterator().next();
            // the contained option must not itself be part of another option's text
            for (int j = 0; j < choices.size(); j++) {
                if (j != i && simplify(choices.get(j)).contains(simplify(choices.get(i)))) {
                    return null;
                }
            }
            return i;
        }
        return null;
    }

    private static String simplify(String s) {
        return PUNCTUATION.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * Capital letters standing alone as words ("B or C"); "A" and "I" followed by a lower-case word are
     * read as the article or pronoun.
     */
    private static Set<Integer> bareLetters(String text, int n) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = BARE.matcher(text);
        while (m.find()) {
            char c = m.group(1).charAt(0);
            int end = m.end();
            // "A cat", "I think": the article or pronoun before a word of three or more letters; "A or C" is a letter
            int w = end + 1;
            while (w < text.length() && Character.isLetter(text.charAt(w))) {
                w++;
            }
            boolean wordFollows = end + 1 < text.length() && text.charAt(end) == ' '
                    && Character.isLowerCase(text.charAt(end + 1)) && w - (end + 1) >= 3;
            if ((c == 'A' || c == 'I') && wordFollows) {
                continue;
            }
            if (c - 'A' < n) {
                found.add(c - 'A');
            }
        }
        return found;
    }

    private static final Pattern HEDGE = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([A-Z])(?![\\p{L}\\p{N}])\\s*\\p{L}{1,6}\\s*([A-Z])(?![\\p{L}\\p{N}])");

    /** Two letters joined by one short word: "A or C", "A oder C", "A noma C", "A 或 C". */
    private static Set<Integer> hedgedLetters(String text, int n) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = HEDGE.matcher(text);
        while (m.find()) {
            int a = m.group(1).charAt(0) - 'A';
            int b = m.group(2).charAt(0) - 'A';
            if (a != b && a < n && b < n) {
                found.add(a);
                found.add(b);
            }
        }
        return found;
    }

    /** Letters standing as option labels: "B)" "(B)" "B." "B:" or alone at the end. */
    private static Set<Integer> standaloneLabels(String text, int n) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            String g = m.group(1) != null ? m.group(1) : m.group(2);
            int idx = g.charAt(0) - 'A';
            if (idx < n) {
                found.add(idx);
            }
        }
        return found;
    }
}
