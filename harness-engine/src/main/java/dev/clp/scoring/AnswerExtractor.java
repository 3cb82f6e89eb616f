package dev.clp.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clp.model.ChatRequest;
import dev.clp.scoring.AnswerLanguages.Kind;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Reads which option a free-text answer chose the way a careful grader does, without a second model call, and
 * says unparseable rather than guess.
 * <ol>
 *   <li>a reply the provider stopped at the token limit is never read ({@link Extraction#TRUNCATED});</li>
 *   <li>{@code <think>…</think>} blocks are reasoning, not the answer; an unclosed one means no answer;</li>
 *   <li>structured output: a JSON object {@code {"answer":"B"}}, also inside a markdown code fence;</li>
 *   <li>normalization: NFKC, markdown emphasis, {@code \boxed{B}}, native labels (circled ③, Japanese ア/イ,
 *       Ukrainian А Б В Г, Arabic أ ب ج د, Hebrew, Devanagari, Bengali, Amharic), digits of every script,
 *       dropped tone marks and accents;</li>
 *   <li>the options' texts are found in the answer on word boundaries (so "B. 100 °C" has one letter, not two);
 *       a numeric option (digits, numerals, a number word, with a counter) by its value in any of these forms;
 *       options the answer re-lists under its own labels (1, 2 … / a, b … / i, ii …) are named by them after;</li>
 *   <li>every letter (and option text) mentioned is classified by what surrounds it: stated as the answer (after an
 *       answer word, a conclusion or a hedge, or followed by "is correct", "です", "번입니다", "ni sahihi" …), ruled
 *       out ("A is wrong", "not A", "A – no, wait"), or merely named (a listing, an explanation); a label is also
 *       checked against the text after it ("Answer: C) Beijing" where Beijing is B says two things), two labels
 *       after a label's colon ("Answer: A, B") are two answers, and a short reply closing on a lowercase letter after
 *       an answer word ("the answer is b") is that letter;</li>
 *   <li>the stated answer wins; of several stated answers the last wins only when a conclusion or a correction
 *       comes before it; two answers joined by "or"/"and" are ambiguous; without a stated answer, one leading
 *       label or a single named option is read, several are ambiguous; then the option text alone.</li>
 * </ol>
 * The words are data ({@link AnswerLanguages}, {@code answer-languages.json}); every language's words are tried,
 * since answers come in other languages than the prompt's.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class AnswerExtractor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("^```[a-zA-Z]*\\s*|\\s*```$");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`#]+|\\$|\\\\[()\\[\\]]");
    private static final Pattern BOXED = Pattern.compile(
            "\\\\boxed\\s*\\{\\s*(?:\\\\(?:text|textbf|mathrm)\\s*\\{\\s*)?\\(?\\s*([A-Za-z])\\s*\\)?\\s*\\}?\\s*\\}");
    private static final Pattern THINK = Pattern.compile(
            "<(think|thinking|reasoning|reflection)>.*?</\\1>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern THINK_OPEN = Pattern.compile("<(think|thinking|reasoning|reflection)>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THINK_CLOSE = Pattern.compile("</(think|thinking|reasoning|reflection)>",
            Pattern.CASE_INSENSITIVE);
    /** Stop reasons saying the model ended its reply itself (OpenAI-style, Anthropic end_turn / stop_sequence). */
    private static final Set<String> NORMAL_STOPS = Set.of("stop", "end_turn", "stop_sequence");
    /** A blank line: where an unclosed reasoning block's paragraph ends and, with a normal stop, the reply begins. */
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \t]*\n");
    private static final Pattern GLUE = AnswerLanguages.glue().isEmpty() ? null : Pattern.compile(
            "(?<![\\p{L}])((?i:" + String.join("|", AnswerLanguages.glue().stream().map(Pattern::quote).toList())
                    + "))-?(?=[A-Z](?![\\p{L}\\p{N}]))");
    /** The whole answer is one Latin letter, alone or as a label: the common case, read without the rest. */
    private static final Pattern SINGLE = Pattern.compile("^[\\s(\\[{\"'«“*]*([A-Za-z])[\\s)\\]}\"'»”.:;,!。．、*]*$");
    /** The whole answer is letters in a list and nothing else: "B, D", "A、C", "B; D", "A / C", "**B, D**". */
    private static final Pattern BARE_LETTERS = Pattern.compile(
            "[\\s*_]*[A-Z](?:[\\s*_]*[,،、，;；/][\\s*_]*[A-Z])+[\\s*_.。]*");
    /** Option text found in the answer is replaced by one private-use character per option. */
    private static final char MASK = '\uE000';
    /** A labelled line whose content is a bare number ("C) 30"): see {@code Reading.ownOptions}. */
    private static final Pattern OWN_OPTION_LINE = Pattern.compile(
            "(?m)^[ \\t*•-]*\\(?([A-H])[).:]\\**[ \\t]+\\**[-−]?\\d+(?:[.,]\\d+)?\\**[ \\t]*$");
    private static final String TERMINATORS = ".!?。！？።።।\n";
    /** The commas that separate the letters of a list: Latin, Arabic, the ideographic enumeration comma, full-width. */
    private static final Set<String> LIST_COMMAS = Set.of(",", "،", "、", "，");
    /** Punctuation after which a clause of its own may open inside a sentence (",", ";", "—", "，", "；", "፤", "፣", "،"). */
    private static final String CLAUSE_BREAKS = ",;—–，；、፤፣،؛";

    private AnswerExtractor() {
    }

    /**
     * Extracts the choice from a raw answer whose stop reason is unknown.
     *
     * @param lang the language the question was asked in
     * @param raw the model's answer, untrusted
     * @param choices the options as shown to the model
     */
    public static Extraction extract(String lang, String raw, List<String> choices) {
        return extract(lang, raw, choices, null);
    }

    /**
     * The text after an unclosed reasoning block reads as a reply only when it ends as a reply does: its last paragraph
     * ends a sentence (or closes a bracket or emphasis) or is a short answer line ("Answer: B", "**B**"). Reasoning
     * that runs on after a blank line and stops mid-sentence ("Let me reconsider whether") is not a reply.
     */
    static boolean finishedReply(String rest) {
        String t = rest.strip();
        int cut = t.lastIndexOf("\n\n");
        String last = (cut >= 0 ? t.substring(cut) : t).strip();
        int end = last.length();
        while (end > 0 && "*_`~ ".indexOf(last.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0) {
            return false;
        }
        if (last.length() <= 24 || ".。!！)）]】」።।".indexOf(last.charAt(end - 1)) >= 0) {
            return true;
        }
        // a final-answer line ("**Final answer: D) Canberra**"): an answer word and a colon after it on the last line
        String line = last.substring(last.lastIndexOf('\n') + 1);
        String low = lower(AnswerLanguages.fold(Normalizer.normalize(line, Normalizer.Form.NFKC)));
        AnswerLanguages.Lexicon answer = AnswerLanguages.lexicon(Kind.ANSWER);
        for (int i = 0; i < low.length(); i++) {
            String w = answer.at(low, i);
            if (w != null && (low.indexOf(':', i + w.length()) >= 0 || low.indexOf('：', i) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Extracts the choice from a raw answer.
     *
     * @param finishReason why the provider stopped ({@code ChatResponse.finishReason()}), may be null; a reply cut
     *     off at the token limit ({@code length}, {@code max_tokens}) is never turned into a letter
     */
    public static Extraction extract(String lang, String raw, List<String> choices, String finishReason) {
        if (Extraction.isTruncation(finishReason)) {
            return Extraction.truncated(finishReason);
        }
        if (raw == null || raw.isBlank()) {
            return new Extraction.Unparseable("empty answer");
        }
        int n = choices.size();
        String body = THINK.matcher(raw).replaceAll(" ");
        Matcher open = THINK_OPEN.matcher(body);
        if (open.find()) {
            if (finishReason == null || !NORMAL_STOPS.contains(finishReason.strip().toLowerCase(Locale.ROOT))) {
                return new Extraction.Unparseable("the reasoning block (<think>) never closed: no answer after it");
            }
            // the provider stopped normally: what follows the reasoning's first blank line is the reply
            Matcher blank = BLANK_LINE.matcher(body);
            int from = open.end();
            while (from < body.length() && Character.isWhitespace(body.charAt(from))) {
                from++;
            }
            if (!blank.find(from) || body.substring(blank.end()).isBlank()) {
                return new Extraction.Unparseable("the reasoning block (<think>) never closed and nothing follows the "
                        + "reasoning: an answer inside it is not the reply");
            }
            if (!finishedReply(body.substring(blank.end()))) {
                return new Extraction.Unparseable("the reasoning block (<think>) never closed and the text after it "
                        + "stops mid-sentence: reasoning, not a reply");
            }
            body = body.substring(0, open.start()) + "\n" + body.substring(blank.end());
        }
        Matcher close = THINK_CLOSE.matcher(body);
        int after = -1;
        while (close.find()) {
            after = close.end();
        }
        if (after >= 0) {
            body = body.substring(after);
        }
        if (body.isBlank()) {
            return new Extraction.Unparseable("only reasoning (<think>…</think>), no answer after it");
        }
        Extraction structured = structured(lang, body, choices);
        if (structured != null) {
            return structured;
        }
        return prose(lang, body, choices);
    }

    /** The text layers: the answer's prose, a think block and a structured object already taken off. */
    private static Extraction prose(String lang, String body, List<String> choices) {
        int n = choices.size();
        Matcher single = SINGLE.matcher(body);
        if (single.matches()) {
            return inRange(single.group(1).toUpperCase(Locale.ROOT), n, "letter");
        }
        String text = normalize(lang, body, choices);
        if (text.indexOf(UNDECIDED_SERIES) >= 0) {
            return new Extraction.Unparseable("ambiguous: a native label that two label series of the language place "
                    + "differently (Japanese イ: A in イロハ, B in アイウエ), and no other label in the answer says which");
        }
        String masked = mask(lang, text, choices);
        if (masked.indexOf(UNDECIDED_RELISTING) >= 0) {
            return new Extraction.Unparseable("ambiguous: the answer re-lists the options under numbers 1, 2, 3 … and "
                    + "names one by its number, but the options' own texts are such numbers");
        }
        return new Reading(lang, masked, n).decide(text, choices);
    }

    /** A JSON object with an "answer" that closes a reply after some prose (a fenced block at the end). */
    private static final Pattern TRAILING_JSON = Pattern.compile(
            "(?:```[a-zA-Z]*\\s*)?(\\{[^{}]*\"" + ChatRequest.ANSWER_PROPERTY + "\"\\s*:[^{}]*\\})\\s*(?:```)?\\s*$");

    /** The structured layer: null when the answer is not a JSON object with a textual "answer". */
    private static Extraction structured(String lang, String raw, List<String> choices) {
        int n = choices.size();
        Matcher trailing = TRAILING_JSON.matcher(raw);
        if (trailing.find() && trailing.start() > 0) {
            Extraction e = structured(lang, trailing.group(1), choices);
            if (e != null) {
                return e;
            }
        }
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
        if (letter.isEmpty()) {
            return new Extraction.Unparseable("structured answer is empty");
        }
        if (letter.length() != 1 || !Character.isLetter(letter.charAt(0))) {
            // {"answer": "B. 100 °C"}, {"answer": "Paris"}: the value read as a short answer, label and text agreeing
            Extraction read = prose(lang, letter, choices);
            return read instanceof Extraction.Choice ? read : new Extraction.Unparseable("structured answer '"
                    + excerpt(letter) + "' names no option: " + ((Extraction.Unparseable) read).reason());
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

    /** Circled labels, NFKC, {@code \boxed}, emphasis, folding, native labels, glued prefixes. */
    static String normalize(String lang, String raw) {
        return normalize(lang, raw, List.of());
    }

    static String normalize(String lang, String raw, List<String> choices) {
        String t = raw;
        String labelLang = AnswerLanguages.labelLanguage(lang, raw); // a reply in another script uses its labels
        List<List<String>> series = AnswerLanguages.labels(labelLang);
        // symbols that are only ever labels (①, ❶, ㉠) go before NFKC, which would make them digits
        StringBuilder symbols = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int label = c < 0x2460 ? -1 : symbolLabel(series, c);
            if (label >= 0 && isCompatibilityJamo(c) && ((i > 0 && Character.isLetter(t.charAt(i - 1)))
                    || (i + 1 < t.length() && Character.isLetter(t.charAt(i + 1)) && !isHangulSyllable(t.charAt(i + 1))))) {
                label = -1; // "ㄱㄴ", "ㅋㅋ": jamo written together are slang, not labels; "ㄴ입니다" is one
            }
            if (label >= 0 && symbols == null) {
                symbols = new StringBuilder(t.length() + 8).append(t, 0, i);
            }
            if (symbols != null) {
                if (label >= 0) {
                    symbols.append(' ').append((char) ('A' + label)).append(' ');
                } else {
                    symbols.append(c);
                }
            }
        }
        if (symbols != null) {
            t = symbols.toString();
        }
        t = Normalizer.normalize(t, Normalizer.Form.NFKC);
        t = accentedCapitals(t);
        t = BOXED.matcher(t).replaceAll(m -> " \\\\boxed " + m.group(1).toUpperCase(Locale.ROOT) + " ");
        t = EMPHASIS.matcher(t).replaceAll("");
        t = AnswerLanguages.fold(t);
        t = nativeLabels(labelLang, t, series, choices);
        t = lookalikes(t);
        if (GLUE != null) {
            t = GLUE.matcher(t).replaceAll("$1 ");
        }
        t = numberedOptions(t, choices);
        t = markedNumbers(labelLang, t, choices);
        t = ordinalOptions(t, choices.size());
        return t.strip();
    }

    private static boolean isHangulSyllable(char c) {
        return c >= 0xAC00 && c <= 0xD7A3;
    }

    /** Hangul compatibility jamo (ㄱ ㄴ ㄷ ㄹ), written alone, not inside syllables. */
    private static boolean isCompatibilityJamo(char c) {
        return c >= 0x3131 && c <= 0x318E;
    }

    /**
     * A capital Latin letter written with a mark, standing alone ("Ó tọ́ …" in Yoruba, "À 1 atm …" in French), is a
     * word: no reply writes an option label with an accent, and folding the mark away would make it one (O, A). Such a
     * letter is written lower case, which no label rule reads.
     */
    static String accentedCapitals(String t) {
        StringBuilder out = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0xC0 || !Character.isUpperCase(c) || Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN
                    || (i > 0 && Character.isLetterOrDigit(t.charAt(i - 1)))) {
                continue;
            }
            String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (base.length() < 2 || base.charAt(0) < 'A' || base.charAt(0) > 'Z') {
                continue; // Ø, Æ, Þ: letters of their own, not a letter with a mark
            }
            int j = i + 1;
            while (j < t.length() && Character.getType(t.charAt(j)) == Character.NON_SPACING_MARK) {
                j++;
            }
            if (j < t.length() && Character.isLetterOrDigit(t.charAt(j))) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(t);
            }
            out.setCharAt(i, Character.toLowerCase(c));
        }
        return out == null ? t : out.toString();
    }

    /** A word may start at {@code i}: after a non-word character, or at a CJK character (no spaces there). */
    private static boolean startsWord(String low, int i) {
        return i == 0 || !isWordChar(low.charAt(i - 1)) || isCjk(low.charAt(i));
    }

    /** A digit of any script, or a numeral sign such as Ethiopic ፬ (not a letter, which also has a numeric value). */
    private static boolean numeral(int cp) {
        return Character.isDigit(cp) || Character.getType(cp) == Character.OTHER_NUMBER;
    }

    /**
     * An option noun and a number ("Option 3", "l'option n° 1", "विकल्प 4", "বিকল্প ৩", "አማራጭ ፬", 选项3) is the
     * option at that place, in any script's digits, unless an option's own text is that number (then "option 2"
     * among 2, 4, 6, 8 might be its value).
     */
    private static String numberedOptions(String t, List<String> choices) {
        if (t.codePoints().noneMatch(AnswerExtractor::numeral)) {
            return t;
        }
        int n = choices.size();
        Set<Integer> values = new HashSet<>(); // options that are themselves the numbers 1 … n
        for (String c : choices) {
            String v = c.strip();
            if (v.length() == 1 && numeral(v.charAt(0))) {
                values.add(Character.getNumericValue(v.charAt(0)));
            }
        }
        AnswerLanguages.Lexicon nouns = AnswerLanguages.lexicon(Kind.OPTION);
        String low = lower(t);
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < low.length(); i++) {
            if (!startsWord(low, i)) {
                continue;
            }
            String noun = nouns.at(low, i);
            if (noun == null || !nounEnds(low, i + noun.length(), noun)) {
                continue;
            }
            int k = i + noun.length();
            while (k < low.length() && (low.charAt(k) == ' ' || low.charAt(k) == '#' || low.charAt(k) == '(')) {
                k++;
            }
            if (low.startsWith("no. ", k) || low.startsWith("n° ", k) || low.startsWith("nr. ", k)) {
                k = low.indexOf(' ', k) + 1;
            }
            if (k >= low.length()) {
                break;
            }
            int value = numeral(low.charAt(k)) ? Character.getNumericValue(low.charAt(k)) : -1;
            boolean alone = k + 1 >= low.length() || isCjk(low.charAt(k + 1)) || !(Character.isLetterOrDigit(low.charAt(k + 1))
                    || numeral(low.charAt(k + 1))
                    || low.charAt(k + 1) == '.' && k + 2 < low.length() && Character.isDigit(low.charAt(k + 2)));
            if (k == i + noun.length() && !isCjk(noun.charAt(noun.length() - 1)) || value < 1 || value > n || !alone
                    || values.contains(value)) {
                continue; // "option3" is a word; "option 12", "option 2.5" are no place among n; "option 2" of 2, 4, 6, 8
            }
            if (out == null) {
                out = new StringBuilder(t.length());
            }
            out.append(t, copied, k).append((char) ('A' + value - 1));
            copied = k + 1;
            i = k;
        }
        return out == null ? t : out.append(t, copied, t.length()).toString();
    }

    /**
     * After a number's mark at {@code at}: an option noun perhaps, then a particle and a word calling it right or the
     * answer ("3번이 정답입니다", "3번 보기가 맞습니다").
     */
    private static boolean calledRightAfter(String lang, String t, int at) {
        String low = lower(t);
        int k = at;
        String noun = AnswerLanguages.lexicon(Kind.OPTION).at(low, k + (k < low.length() && low.charAt(k) == ' ' ? 1 : 0));
        if (noun != null) {
            k += (low.charAt(k) == ' ' ? 1 : 0) + noun.length();
        }
        if (AnswerLanguages.lexicon(Kind.CORRECT).at(low, k) != null && k < low.length() && low.charAt(k) != ' ') {
            return true; // the language writes the particle into the word ("이 맞", "가 정답")
        }
        for (String p : AnswerLanguages.particles(lang)) {
            if (low.startsWith(p, k) && k + p.length() < low.length() && low.charAt(k + p.length()) == ' ') {
                int w = k + p.length() + 1;
                return AnswerLanguages.lexicon(Kind.CORRECT).at(low, w) != null
                        || AnswerLanguages.lexicon(Kind.ANSWER).at(low, w) != null;
            }
        }
        return false;
    }

    /**
     * A number with the mark that makes it an option's place ({@code listMarks}: Korean 번, "정답은 2번입니다", "답: 4번")
     * is that option's letter, when punctuation, the end, a copula or a word calling it right follows the mark. "2번
     * 반복" (twice) and "원자번호 1번으로" (as number 1) go on with other words; options that are the numbers themselves
     * are left alone.
     */
    private static String markedNumbers(String lang, String t, List<String> choices) {
        List<String> marks = AnswerLanguages.listMarks();
        if (marks.stream().noneMatch(t::contains)) {
            return t; // most answers hold no 번 at all
        }
        int n = choices.size();
        AnswerLanguages.Lexicon copulas = AnswerLanguages.lexicon(Kind.COPULA);
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '1' || c > '9' || c - '0' > n || (i > 0 && (Character.isLetterOrDigit(t.charAt(i - 1))
                    || t.charAt(i - 1) == '.' || t.charAt(i - 1) == ','))) {
                continue;
            }
            String mark = null;
            for (String w : marks) {
                if (t.startsWith(w, i + 1)) {
                    mark = w;
                }
            }
            if (mark == null || choices.stream().anyMatch(o -> o.strip().equals(String.valueOf(c)))) {
                continue;
            }
            int after = i + 1 + mark.length();
            int next = after;
            while (next < t.length() && (t.charAt(next) == ' ' || t.charAt(next) == '\t')) {
                next++;
            }
            boolean ends = next >= t.length() || (!Character.isLetterOrDigit(t.charAt(next))
                    && !Character.isWhitespace(t.charAt(next))) || (next == after && t.charAt(next) == '\n');
            if (!ends) {
                // a copula only ("2번입니다"): "1번으로" (as number 1) counts, it does not answer
                String w = copulas.at(t, next);
                ends = w != null && (next + w.length() >= t.length() || !Character.isLetterOrDigit(t.charAt(next + w.length())));
            }
            if (!ends) {
                // "3번이 정답입니다", "3번 보기가 맞습니다": a particle or an option noun, then a word calling it right or
                // the answer
                ends = calledRightAfter(lang, t, after);
            }
            if (!ends) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(t.length());
            }
            out.append(t, copied, i).append((char) ('A' + c - '1'));
            copied = after;
            i = after - 1;
        }
        return out == null ? t : out.append(t, copied, t.length()).toString();
    }

    /**
     * An ordinal beside an option noun ("the third option", 第四个选项, 첫 번째 보기, "chaguo la kwanza", "la segunda
     * opción", "האפשרות השלישית") is that option's letter, and so is an ordinal joined to one by "or" ("the first or
     * the third option"); the letter is then read as any other, so "the first option is wrong" rules A out. Ordinals
     * are data ({@code ordinals}), the option nouns those of {@code option}.
     */
    private static String ordinalOptions(String t, int n) {
        AnswerLanguages.Lexicon ordinals = AnswerLanguages.ordinals(false);
        AnswerLanguages.Lexicon ordinalsAfter = AnswerLanguages.ordinals(true);
        AnswerLanguages.Lexicon nouns = AnswerLanguages.lexicon(Kind.OPTION);
        String low = lower(t);
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < low.length(); i++) {
            if (!startsWord(low, i)) {
                continue;
            }
            int end = -1;
            String ordinal = null;
            boolean afterNoun = false;
            String o = ordinals.at(low, i);
            // "a second option to consider", "its second letter": an ordinal that counts, not an option's place
            if (o != null && AnswerLanguages.lexicon(Kind.INDEFINITE).endOf(low.substring(Math.max(0, i - 24), i)
                    .stripTrailing()) != null) {
                o = null;
            }
            if (o != null) {
                int j = i + o.length();
                boolean cjk = isCjk(o.charAt(o.length() - 1));
                int k = j;
                while (k < low.length() && low.charAt(k) == ' ') {
                    k++;
                }
                String noun = (k > j || cjk) && k < low.length() ? nouns.at(low, k) : null;
                if (noun != null && nounEnds(low, k + noun.length(), noun)) {
                    end = k + noun.length();
                    ordinal = o;
                }
            }
            String noun = end < 0 ? nouns.at(low, i) : null;
            if (noun != null) {
                int j = i + noun.length();
                int k = j;
                while (k < low.length() && low.charAt(k) == ' ') {
                    k++;
                }
                String after = k > j && k < low.length() ? ordinalsAfter.at(low, k) : null;
                if (after != null && (k + after.length() >= low.length() || !isWordChar(low.charAt(k + after.length()))
                        || isCjk(after.charAt(after.length() - 1)))) {
                    end = k + after.length();
                    ordinal = after;
                    afterNoun = true;
                }
            }
            if (ordinal == null) {
                // no option noun: the ordinal alone, when it is stated as the answer
                String bare = o != null ? o : ordinalsAfter.at(low, i);
                boolean after = o == null;
                int bareEnd = bare == null ? -1 : bareOrdinalAnswer(low, i, bare, after);
                if (bareEnd < 0) {
                    continue;
                }
                ordinal = bare;
                afterNoun = after;
                end = bareEnd;
            }
            int index = optionIndex(ordinal, afterNoun, n);
            if (index < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(t.length());
            }
            copied = afterNoun ? copied : orJoinedOrdinal(low, copied, i, out, t, n);
            out.append(t, copied, i).append((char) ('A' + index));
            copied = end;
            i = end - 1;
        }
        return out == null ? t : out.append(t, copied, t.length()).toString();
    }

    /** The option an ordinal form names among {@code n}: "last" is the last one; -1 when the count is unknown. */
    private static int optionIndex(String form, boolean afterNoun, int n) {
        int index = AnswerLanguages.ordinal(form, afterNoun);
        return index == AnswerLanguages.LAST ? n - 1 : index;
    }

    /**
     * An ordinal without an option noun at {@code at} ("the last one", "die dritte Antwort", তৃতীয়টি, 3つ目, 第四个) is
     * the answer only when it is called right ("the second one is correct", 두 번째가 맞습니다, 3つ目が正解), follows an
     * answer word and ends the phrase ("I'll go with the last one.", 我选第三个。, "it's the third one — Rome"), or is
     * the whole answer ("La troisième.", 第四个。, "Eyesithathu."); an article ({@code articleBefore}) may stand
     * before it. Anywhere else ("the first time", "came first, ... second") it is prose. Returns where the phrase
     * read as the letter ends (the word for the option included), or -1.
     */
    private static int bareOrdinalAnswer(String low, int at, String form, boolean after) {
        int j = at + form.length();
        int k = j;
        while (k < low.length() && low.charAt(k) == ' ') {
            k++;
        }
        String one = k < low.length() ? AnswerLanguages.lexicon(Kind.ORDINAL_ONE).at(low, k) : null;
        int end;
        boolean withOne = false;
        if (one != null && (k > j || !isLatin(one.charAt(0)))
                && (!isLatin(one.charAt(one.length() - 1)) || k + one.length() >= low.length()
                        || !isWordChar(low.charAt(k + one.length())))) {
            end = k + one.length();
            withOne = true;
        } else if (j < low.length() && isWordChar(low.charAt(j)) && !isCjk(form.charAt(form.length() - 1))) {
            return -1;
        } else {
            end = j;
        }
        int m = end;
        while (m < low.length() && low.charAt(m) == ' ') {
            m++;
        }
        String correct = m < low.length() ? AnswerLanguages.lexicon(Kind.CORRECT).at(low, m) : null;
        if (correct != null && !COPULAS.contains(correct) && (!isLatin(correct.charAt(correct.length() - 1)) || m + correct.length() >= low.length()
                || !isLatin(low.charAt(m + correct.length())))) {
            return end;
        }
        if (correct != null && COPULAS.contains(correct) && low.substring(0, at).codePoints().noneMatch(Character::isLetterOrDigit)
                && low.substring(m + correct.length()).codePoints().noneMatch(Character::isLetterOrDigit)) {
            return end; // the whole answer, the ordinal and a copula: "첫 번째입니다.", "Àkọ́kọ́ ni.", "三番目です。"
        }
        if (m < low.length() && isWordChar(low.charAt(m))) {
            return -1;
        }
        // "last" after a word is mostly "final" ("Jibu la mwisho", "Impendulo yokugcina"): only called right, as
        // "the last one" or as the whole answer ("La última.")
        boolean finalWord = AnswerLanguages.ordinal(form, after) == AnswerLanguages.LAST && !withOne;
        String before = low.substring(0, at).stripTrailing();
        String article = AnswerLanguages.lexicon(Kind.ARTICLE_BEFORE).endOf(before);
        if (article != null) {
            before = before.substring(0, before.length() - article.length()).stripTrailing();
        }
        if (!finalWord && AnswerLanguages.lexicon(Kind.ANSWER).endOf(before) != null) {
            return end;
        }
        boolean alone = before.codePoints().noneMatch(c -> Character.isLetterOrDigit(c))
                && low.substring(end).codePoints().noneMatch(c -> Character.isLetterOrDigit(c));
        return alone ? end : -1;
    }

    /** An option noun ends here: a Latin noun is not the start of a longer word ("optional"). */
    private static boolean nounEnds(String low, int end, String noun) {
        return end >= low.length() || !isLatin(noun.charAt(noun.length() - 1)) || !isLatin(low.charAt(end));
    }

    /**
     * "the first or the third option": an ordinal alone just before, joined by "or" / "and" (and an article), is
     * rewritten to its letter and the joining word in {@code out}; returns where the copy of {@code t} goes on from.
     */
    private static int orJoinedOrdinal(String low, int copied, int at, StringBuilder out, String t, int n) {
        int from = Math.max(copied, at - 40);
        AnswerLanguages.Lexicon ordinals = AnswerLanguages.ordinals(false);
        for (int p = from; p < at; p++) {
            if (p > 0 && isWordChar(low.charAt(p - 1)) && !isCjk(low.charAt(p))) {
                continue;
            }
            String o = ordinals.at(low, p);
            if (o == null) {
                continue;
            }
            int end = p + o.length();
            if (end < low.length() && isWordChar(low.charAt(end)) && !isCjk(o.charAt(o.length() - 1))) {
                continue;
            }
            String between = low.substring(end, at).strip();
            String[] words = between.split("\\s+");
            String or = null;
            boolean other = false;
            for (String w : words) {
                if (OR_WORDS.contains(w)) {
                    or = w;
                } else if (w.length() > 3) {
                    other = true;
                }
            }
            int index = optionIndex(o, false, n);
            if (or != null && !other && words.length <= 3 && index >= 0) {
                // the article between goes: "the first or the third option" reads as "A or C"
                out.append(t, copied, p).append((char) ('A' + index)).append(' ').append(or)
                        .append(' ');
                return at;
            }
        }
        return copied;
    }

    /**
     * The series an answer means that uses only labels several series share at different places (Japanese イ: A in
     * イロハ, B in アイウエ): the one whose letter for the label has its option's text in the answer, when exactly one
     * does ("正解はイの「100 °C」です"), else the first series; null when two shared labels point to different series.
     */
    private static List<String> seriesOfShared(String t, List<List<String>> series, List<String> choices) {
        List<String> found = null;
        for (List<String> s : series) {
            for (int k = 0; k < s.size(); k++) {
                String label = s.get(k);
                if (countStandalone(t, label) == 0) {
                    continue;
                }
                List<List<String>> places = series.stream().filter(o -> o.contains(label)).toList();
                if (places.stream().map(o -> o.indexOf(label)).distinct().count() < 2) {
                    continue;
                }
                List<List<String>> byText = places.stream().filter(o -> {
                    int letter = o.indexOf(label);
                    return letter < choices.size() && optionTextIn(t, choices.get(letter));
                }).toList();
                // none or several candidates' texts: the first (common) series reads it ("正解はイです。" is B)
                List<String> one = byText.size() == 1 ? byText.get(0) : series.get(0);
                if (found != null && found != one) {
                    return null;
                }
                found = one;
            }
        }
        return found == null ? series.get(0) : found;
    }

    private static boolean optionTextIn(String t, String choice) {
        String option = lower(AnswerLanguages.fold(Normalizer.normalize(choice, Normalizer.Form.NFKC)).strip());
        return option.length() >= 2 && lower(t).contains(option);
    }

    /** A native label that several series of the language place differently, nothing else in the answer deciding. */
    private static final char UNDECIDED_SERIES = '\uE0FC';

    /** The index of a label that is a symbol (①, ❶, ㉠) in one of the series, or -1. */
    private static int symbolLabel(List<List<String>> series, char c) {
        for (List<String> s : series) {
            for (int i = 0; i < s.size(); i++) {
                String label = s.get(i);
                // Hangul compatibility jamo (ㄱ ㄴ ㄷ, a Korean exam's labels) are letters NFKC would turn into the
                // conjoining jamo of syllables; no word is written with them
                if (label.length() == 1 && label.charAt(0) == c && (!Character.isLetter(c) || isCompatibilityJamo(c))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Native letter labels standing alone, mapped to A, B, C …; of several series, the one the answer uses. */
    private static String nativeLabels(String lang, String t, List<List<String>> series, List<String> choices) {
        // folded as the text is (Arabic أ is then ا)
        List<List<String>> letters = series.stream()
                .filter(s -> !s.isEmpty() && Character.isLetter(s.get(0).codePointAt(0)))
                .map(s -> s.stream().map(AnswerLanguages::fold).toList()).toList();
        if (letters.isEmpty()) {
            return t;
        }
        List<String> chosen = letters.get(0);
        int best = 0;
        for (List<String> s : letters) {
            int hits = 0;
            for (String label : s) {
                boolean unique = letters.stream().filter(o -> o != s).noneMatch(o -> o.contains(label));
                if (unique && countStandalone(t, label) > 0) {
                    hits++;
                }
            }
            if (hits > best) {
                best = hits;
                chosen = s;
            }
        }
        if (best == 0 && letters.size() > 1) {
            List<String> decided = seriesOfShared(t, letters, choices);
            if (decided == null) {
                return UNDECIDED_SERIES + t;
            }
            chosen = decided;
        }
        StringBuilder sb = null;
        int copied = 0;
        for (int i = 0; i < t.length(); i++) {
            for (int k = 0; k < chosen.size(); k++) {
                String label = chosen.get(k);
                if (t.startsWith(label, i) && !hebrewGeresh(t, i + label.length(), true)
                        && (standalone(t, i, label.length()) && !wordFollows(lang, t, i, label)
                        && !particleAfterBracket(lang, t, i, label) && !prefixBeforeHyphen(t, i + label.length())
                        || gluedToAnswerWord(lang, t, i, label.length()))) {
                    if (sb == null) {
                        sb = new StringBuilder(t.length());
                    }
                    sb.append(t, copied, i).append(lookalikeLabel(t, i, label, k, chosen, choices));
                    copied = i + label.length();
                    if (Character.UnicodeScript.of(label.charAt(0)) == Character.UnicodeScript.HEBREW
                            && hebrewGeresh(t, copied, false) && afterAnswerWord(t, i)) {
                        // "תשובה א'": a Hebrew letter with a geresh after an answer word is a label; elsewhere it is
                        // a numeral ("אדר ב'", Adar II)
                        copied++;
                    }
                    i = copied - 1;
                    break;
                }
            }
        }
        if (sb == null) {
            return t;
        }
        return sb.append(t, copied, t.length()).toString();
    }

    /** An answer or option word just before {@code at}, a colon or the copula היא between ("התשובה היא ב'"). */
    private static boolean afterAnswerWord(String t, int at) {
        String before = lower(AnswerLanguages.fold(t.substring(Math.max(0, at - 40), at)))
                .replaceAll("[\\s:：]+$", "");
        if (before.endsWith("היא") || before.endsWith("הוא")) {
            before = before.substring(0, before.length() - 3).replaceAll("[\\s:：]+$", "");
        }
        return AnswerLanguages.lexicon(Kind.ANSWER).endOf(before) != null
                || AnswerLanguages.lexicon(Kind.OPTION).endOf(before) != null;
    }

    /**
     * A geresh (or an apostrophe or right quote written for one) at {@code at}: with {@code inWord}, one that a letter
     * follows, as in a loan word's "ג'ירפה" (the letter is a sound there, not a label); without, one closing a label.
     */
    private static boolean hebrewGeresh(String t, int at, boolean inWord) {
        if (at >= t.length() || "'׳’".indexOf(t.charAt(at)) < 0) {
            return false;
        }
        boolean letterAfter = at + 1 < t.length() && isWordChar(t.charAt(at + 1));
        return inWord == letterAfter;
    }

    /**
     * "נוסד ב-1912", "משנות ה-70", "ב-Haifa": a native label letter written before a hyphen (or maqaf) and a digit or
     * a Latin letter is a prefix of the word after it (in, the), not a label.
     */
    private static boolean prefixBeforeHyphen(String t, int after) {
        return after + 1 < t.length() && (t.charAt(after) == '-' || t.charAt(after) == '\u05BE')
                && (Character.isDigit(t.charAt(after + 1)) || isLatin(t.charAt(after + 1)));
    }

    /**
     * "B(파리)가 정답입니다.": a label that is also a particle of the language ({@code particles}: Korean 가) glued
     * after a closing bracket or quote is the particle of the noun in brackets.
     */
    private static boolean particleAfterBracket(String lang, String t, int at, String label) {
        // "C++가", "C#이", "O−가": after a name that ends in a sign, too
        return at > 0 && ")）]」』\"”'’+#\u2212".indexOf(t.charAt(at - 1)) >= 0 && AnswerLanguages.particles(lang).contains(label);
    }

    /**
     * "所以答案是乙。", "정답은 라입니다.": a native label glued to the letters beside it, right after an answer word and
     * one of the language's joining words ({@code labelJoin}) and closed by the end of the word or by a copula: the label,
     * not a syllable of a longer word (乙醇, 가장, 다음).
     */
    private static boolean gluedToAnswerWord(String lang, String t, int at, int len) {
        List<String> joins = AnswerLanguages.labelJoin(lang);
        if (joins.isEmpty() || at == 0) {
            return false;
        }
        int end = at + len;
        boolean closed = end >= t.length() || !isWordChar(t.charAt(end));
        for (String copula : AnswerLanguages.words(Kind.COPULA)) {
            int after = end + copula.length();
            if (!closed && t.startsWith(copula, end) && (after >= t.length() || !isWordChar(t.charAt(after)))) {
                closed = true;
            }
        }
        if (!closed) {
            return false;
        }
        String before = lower(t.substring(Math.max(0, at - 24), at)).stripTrailing();
        for (String join : joins) {
            if (before.endsWith(join)) {
                String head = before.substring(0, before.length() - join.length()).stripTrailing();
                return AnswerLanguages.lexicon(Kind.ANSWER).endOf(head) != null;
            }
        }
        return false;
    }

    /**
     * The letter a native label at {@code at} stands for. A label that looks like a Latin letter of another option
     * (Ukrainian В, the third label, looks like B) is read by what the answer shows: the option text after it, the
     * other native labels it uses (Б, Г: the native series), or Latin labels (B, C, D: the look-alike); with none of
     * these it is the native label: a model writing its label in Cyrillic writes the Cyrillic series.
     */
    private static char lookalikeLabel(String t, int at, String label, int k, List<String> series, List<String> choices) {
        char own = (char) ('A' + k);
        Character latin = label.length() == 1 ? AnswerLanguages.lookalikes().get(label.charAt(0)) : null;
        if (latin == null || latin == own) {
            return own;
        }
        int j = at + label.length();
        while (j < t.length() && " ).:：-–—(".indexOf(t.charAt(j)) >= 0) {
            j++;
        }
        String rest = lower(t.substring(j, Math.min(t.length(), j + 80)));
        boolean ownText = startsWithOption(rest, choices, own - 'A');
        boolean latinText = startsWithOption(rest, choices, latin - 'A');
        if (ownText != latinText) {
            return ownText ? own : latin;
        }
        for (String other : series) {
            if (!other.equals(label) && other.length() == 1 && !AnswerLanguages.lookalikes().containsKey(other.charAt(0))
                    && countStandalone(t, other) > 0) {
                return own; // "Б — ні … В": the answer labels in the native series
            }
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= 'B' && c <= 'Z' && standalone(t, i, 1)) {
                return latin; // "B — ні, C — так … В": the answer labels in Latin letters
            }
        }
        return own; // a model that writes the label in its language's script means that script's series
    }

    private static boolean startsWithOption(String rest, List<String> choices, int index) {
        if (index < 0 || index >= choices.size()) {
            return false;
        }
        String option = lower(EMPHASIS.matcher(AnswerLanguages.fold(Normalizer.normalize(choices.get(index),
                Normalizer.Form.NFKC))).replaceAll("").strip());
        return !option.isEmpty() && rest.startsWith(option);
    }

    /** A Cyrillic С or Е standing alone is the Latin letter it looks like. */
    private static String lookalikes(String t) {
        char[] a = null;
        for (int i = 0; i < t.length(); i++) {
            Character latin = AnswerLanguages.lookalikes().get(t.charAt(i));
            if (latin != null && standalone(t, i, 1)) {
                if (a == null) {
                    a = t.toCharArray();
                }
                a[i] = latin;
            }
        }
        return a == null ? t : new String(a);
    }

    private static int countStandalone(String t, String label) {
        int count = 0;
        for (int at = t.indexOf(label); at >= 0; at = t.indexOf(label, at + 1)) {
            if (standalone(t, at, label.length())) {
                count++;
            }
        }
        return count;
    }

    /** A label not inside a word: Katakana labels only need non-Katakana neighbours (イです, 正解はイ). */
    private static boolean standalone(String t, int at, int len) {
        boolean kana = Character.UnicodeScript.of(t.charAt(at)) == Character.UnicodeScript.KATAKANA;
        char before = at == 0 ? ' ' : t.charAt(at - 1);
        char next = at + len >= t.length() ? ' ' : t.charAt(at + len);
        if (kana) {
            return !isKatakana(before) && !isKatakana(next) && !isLatin(before) && !isLatin(next);
        }
        return !isWordChar(before) && !isWordChar(next);
    }

    private static boolean isKatakana(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || c == 'ー';
    }

    /**
     * A label that is also a word (Ukrainian В "in", the article A) followed by a word of three letters or more
     * is the word, unless an answer word or a colon comes just before it.
     */
    private static boolean wordFollows(String lang, String t, int at, String label) {
        if (!AnswerLanguages.isLetterWord(lang, label)) {
            return false;
        }
        int w = at + label.length();
        if (w + 1 >= t.length() || t.charAt(w) != ' ') {
            return false;
        }
        int end = w + 1;
        while (end < t.length() && Character.isLetter(t.charAt(end))) {
            end++;
        }
        // a Hangul syllable is a word's worth of letters: "다 틀린" is "all wrong"
        boolean hangul = end > w + 1 && Character.UnicodeScript.of(t.charAt(w + 1)) == Character.UnicodeScript.HANGUL;
        if (end - (w + 1) < (hangul ? 2 : 3)) {
            return false;
        }
        String before = lower(t.substring(Math.max(0, at - 30), at));
        if (before.contains(":") || before.contains("—") || before.contains(" - ") || before.contains("–")) {
            return false;
        }
        for (Kind k : List.of(Kind.ANSWER, Kind.OPTION)) {
            for (String word : AnswerLanguages.words(k)) {
                if (before.contains(word)) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isWordChar(char c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript s = Character.UnicodeScript.of(c);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    /** Lower case, one char for one char, so positions keep. */
    static String lower(String s) {
        char[] a = s.toCharArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = Character.toLowerCase(a[i]);
        }
        return new String(a);
    }

    static boolean isMask(char c, int n) {
        return c >= MASK && c < MASK + n;
    }

    /** Each option's text, where it stands on word boundaries in the answer, becomes that option's mask character. */
    private static String mask(String lang, String text, List<String> choices) {
        List<Integer> order = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        BigDecimal[] values = new BigDecimal[choices.size()];
        boolean numeric = false;
        for (int i = 0; i < choices.size(); i++) {
            folded.add(EMPHASIS.matcher(AnswerLanguages.fold(Normalizer.normalize(choices.get(i), Normalizer.Form.NFKC)))
                    .replaceAll("").strip());
            values[i] = optionValue(lang, folded.get(i));
            numeric |= values[i] != null;
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> folded.get(i).length()).reversed());
        String t = text;
        List<String> prefixes = AnswerLanguages.nounPrefixes(lang);
        for (int i : order) {
            if (values[i] != null) {
                continue; // a number is found by its value below, in whatever digits or words it is written
            }
            String key = lang + '\u0000' + folded.get(i);
            Pattern p = PATTERNS.computeIfAbsent(key, k -> {
                String l = k.substring(0, k.indexOf('\u0000'));
                return Optional.ofNullable(optionPattern(k.substring(k.indexOf('\u0000') + 1), prefixes,
                        AnswerLanguages.particles(l), AnswerLanguages.articles(l)));
            }).orElse(null);
            if (PATTERNS.size() > 100_000) {
                PATTERNS.clear(); // a bound, not a policy: a run has far fewer distinct options
            }
            if (p != null) {
                String replacement = String.valueOf((char) (MASK + i));
                t = p.matcher(t).replaceAll(replacement);
            }
        }
        t = letterOptions(t, folded);
        return relabel(numeric ? maskNumbers(lang, t, values) : t, values);
    }

    /** A line that re-lists an option under a label of its own: "1) Mitosis", "(b) Meiosis", "١- المكسيك", "(iii) Chui". */
    private static final Pattern RELISTED = Pattern.compile(
            "(?m)^[ \\t]*(?:[-•][ \\t]*)?([(（]?)(\\d{1,2}|[\u1369-\u1371]|[ivx]{1,4}|[a-z])([.)）:：\\-–—]"
                    + AnswerLanguages.listMarks().stream().map(w -> "|" + Pattern.quote(w)).reduce("", String::concat)
                    + ")[ \\t]*([\uE000-\uE019])");
    /** A label of the answer's own used as one: "(2)", "b)", "(iii)", "answer: d". */
    private static final Pattern OWN_LABEL = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\p{M}])(?:[(（]([ivx]{1,4}|[a-z])[)）]|([ivx]{1,4}|[a-z])[)）]"
                    + "|(?<=[:：]\\s{0,2})([ivx]{1,4}|[a-z])(?=[ \\t]*(?:[.!?。！？\\n]|$)))");
    private static final Pattern ROMAN_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\p{M}])(?:ii|iii|iv|vi|vii|viii|ix)(?![\\p{L}\\p{N}\\p{M}])");
    private static final List<String> ROMAN = List.of("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x");
    /** Options re-listed under numbers that are also the value of an option: which one "2" means is unknown. */
    private static final char UNDECIDED_RELISTING = '\uE0FE';

    /**
     * Options the answer re-lists under labels of its own ("1) Mitosis 2) Meiosis …", "a) 氢 b) 氦 …", "(i) Nyati
     * (ii) Tembo …") and then names by those labels ("the answer is 2", "选 c)", "4번입니다", "(iii)"): a listing line
     * that only restates an option is dropped, the labels become the options' letters wherever the answer uses
     * them. Only when that is unambiguous: two lines at least, labels 1, 2, 3 …, a, b, c … or i, ii, iii … in order,
     * each on a different option; numbers are not relabelled where an option's value is such a number (then the
     * answer is undecided), nor letters that re-order the options while the answer also names options by their
     * Latin letters.
     */
    private static String relabel(String t, BigDecimal[] values) {
        if (t.indexOf('\n') < 0) {
            return t;
        }
        Matcher listing = RELISTED.matcher(t);
        List<int[]> lines = new ArrayList<>(); // start of the listing item, end of it, option
        int kind = -1; // 0 digits, 1 letters, 2 roman numerals
        boolean identity = true;
        while (listing.find()) {
            String label = listing.group(2);
            boolean ethiopic = label.charAt(0) >= '\u1369' && label.charAt(0) <= '\u1371'; // ፩ … ፱
            int k = Character.isDigit(label.charAt(0)) || ethiopic ? 0 : (kind == 2 || (kind < 0 && label.equals("i"))) ? 2 : 1;
            int number = ethiopic ? Character.getNumericValue(label.charAt(0)) : k == 0 ? Integer.parseInt(label) : k == 2 ? ROMAN.indexOf(label) + 1 : label.length() == 1
                    ? label.charAt(0) - 'a' + 1 : -1;
            if (lines.isEmpty()) {
                kind = k;
            }
            boolean closed = listing.group(1).isEmpty() || ")）".indexOf(listing.group(3).charAt(0)) >= 0;
            if (k != kind || number != lines.size() + 1 || !closed) {
                return t; // not one listing 1, 2, 3 …, a, b, c … or i, ii, iii …: leave it
            }
            int option = listing.group(4).charAt(0) - MASK;
            for (int[] l : lines) {
                if (l[2] == option) {
                    return t;
                }
            }
            identity &= option == lines.size();
            lines.add(new int[] {listing.start(), listing.end(), option});
        }
        if (lines.size() < 2) {
            return t;
        }
        if (kind == 0) {
            for (BigDecimal v : values) {
                if (v != null && v.scale() <= 0 && v.signum() > 0 && v.compareTo(BigDecimal.valueOf(lines.size())) <= 0) {
                    return UNDECIDED_RELISTING + t;
                }
            }
        } else if (!identity) {
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) >= 'A' && t.charAt(i) <= 'Z' && standalone(t, i, 1)) {
                    return t;
                }
            }
        }
        List<int[]> edits = new ArrayList<>(); // from, to, option (-1: drop)
        for (int[] l : lines) {
            int eol = t.indexOf('\n', l[1]);
            eol = eol < 0 ? t.length() : eol;
            boolean only = t.substring(l[1], eol).chars().noneMatch(c -> isWordChar((char) c) || isMask((char) c, values.length));
            if (only) {
                edits.add(new int[] {l[0], eol, -1}); // "2) Meiosis": a restatement, not a mention
            } else {
                Matcher again = RELISTED.matcher(t).region(l[0], l[1]);
                if (again.find()) {
                    edits.add(new int[] {again.start(2), again.end(2), l[2]}); // "2) Meiosis makes gametes"
                }
            }
        }
        Matcher ref = kind == 0 ? NUMBER.matcher(t) : OWN_LABEL.matcher(t);
        while (ref.find()) {
            int g = kind == 0 ? 0 : ref.group(1) != null ? 1 : ref.group(2) != null ? 2 : 3;
            String label = ref.group(g);
            int number;
            if (kind == 0) {
                if (!label.chars().allMatch(Character::isDigit) || label.length() > 2 || operand(t, ref.start(), ref.end())
                        || listNumber(t, ref.start(), ref.end())) {
                    continue;
                }
                number = Integer.parseInt(label);
            } else {
                number = kind == 2 ? ROMAN.indexOf(label) + 1 : label.length() == 1 ? label.charAt(0) - 'a' + 1 : 0;
            }
            if (number >= 1 && number <= lines.size()) {
                edits.add(new int[] {ref.start(g), ref.end(g), lines.get(number - 1)[2]});
            }
        }
        if (kind == 2) {
            // "So the answer is ii.": under a listing in roman numerals a numeral of two letters or more is one of its
            // labels wherever it stands alone ("i", "v", "x" may be words)
            Matcher word = ROMAN_WORD.matcher(t);
            while (word.find()) {
                int number = ROMAN.indexOf(word.group()) + 1;
                if (number >= 1 && number <= lines.size()) {
                    edits.add(new int[] {word.start(), word.end(), lines.get(number - 1)[2]});
                }
            }
        }
        edits.sort(Comparator.comparingInt(e -> e[0]));
        StringBuilder sb = new StringBuilder(t.length());
        int copied = 0;
        for (int[] e : edits) {
            if (e[0] < copied) {
                continue;
            }
            sb.append(t, copied, e[0]);
            if (e[2] >= 0) {
                sb.append((char) ('A' + e[2]));
            }
            copied = e[1];
        }
        return sb.append(t, copied, t.length()).toString();
    }

    /**
     * The value of an option that is a number and nothing else, in whatever way the language writes it: digits
     * ("3", "1,000"), numeral characters ("፫፻፷፮"), a number word ("Three", "שש", "तीन"), or one of these before a
     * counter ("3つ", "3 개"); null for any other text.
     */
    static BigDecimal optionValue(String lang, String option) {
        BigDecimal v = plainValue(lang, option);
        AnswerLanguages.Numbers numbers = AnswerLanguages.numbers(lang);
        if (v != null || numbers == null) {
            return v;
        }
        for (String counter : numbers.counters()) {
            if (option.length() > counter.length() && option.endsWith(counter)) {
                v = plainValue(lang, option.substring(0, option.length() - counter.length()).strip());
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    private static BigDecimal plainValue(String lang, String option) {
        BigDecimal v = numberValue(option);
        if (v == null) {
            v = numeralValue(lang, option);
        }
        for (String l : lang.equals("en") ? List.of(lang) : List.of(lang, "en")) {
            AnswerLanguages.Numbers numbers = AnswerLanguages.numbers(l);
            if (v == null && numbers != null && !isNotAlone(numbers, lower(option))) {
                Integer w = numbers.words().get(lower(option));
                v = w == null ? null : BigDecimal.valueOf(w);
            }
        }
        return v;
    }

    private static boolean isNotAlone(AnswerLanguages.Numbers numbers, String form) {
        for (String alone : numbers.notAlone()) {
            if (lower(alone).equals(form)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Options that are letters. One that is a capital beyond the option labels ("O" among four options: the symbol
     * of oxygen) is found where it stands alone. Options named by a letter after a shared word ("Vitamin A",
     * "Vitamin C" …) are found when the letter follows a word in another script ("فيتامين C"): there the letter
     * names the vitamin, it is not a label.
     */
    private static String letterOptions(String t, List<String> folded) {
        int n = folded.size();
        char[] named = new char[n];
        boolean allNamed = n > 1;
        for (int i = 0; i < n; i++) {
            String o = folded.get(i);
            char last = o.isEmpty() ? ' ' : o.charAt(o.length() - 1);
            if (o.length() >= 3 && last >= 'A' && last <= 'Z' && !isLatin(o.charAt(o.length() - 2))
                    && !Character.isDigit(o.charAt(o.length() - 2))) {
                named[i] = last;
            } else {
                allNamed = false;
            }
        }
        for (int i = 0; i < n && allNamed; i++) {
            for (int k = i + 1; k < n; k++) {
                allNamed &= named[i] != named[k];
            }
        }
        char[] a = null;
        for (int at = 0; at < t.length(); at++) {
            char c = t.charAt(at);
            if (c < 'A' || c > 'Z' || !standalone(t, at, 1)) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                String o = folded.get(i);
                boolean beyond = o.length() == 1 && o.charAt(0) == c && c - 'A' >= n;
                boolean name = allNamed && named[i] == c && foreignWordBefore(t, at);
                if (beyond || name || capitalAsWord(t, at, o)) {
                    if (a == null) {
                        a = t.toCharArray();
                    }
                    a[at] = (char) (MASK + i);
                    break;
                }
            }
        }
        return a == null ? t : new String(a);
    }

    /**
     * The capital at {@code at} is the text of option {@code o}, used as a word of the sentence: the option is that
     * capital (the C language among Python, C, C++, Java) and a word follows it ("C came first", "C נוצרה"), or the
     * option opens with it and the rest follows after a space ("C 语言" for "C语言"); not after an answer word, a hedge
     * or an opening bracket ("the answer is C because …", "(C) …"), not as a label ("C. …", "C) …").
     */
    private static boolean capitalAsWord(String t, int at, String o) {
        if (o.isEmpty() || o.charAt(0) != t.charAt(at) || at + 2 >= t.length() || t.charAt(at + 1) != ' ') {
            return false;
        }
        boolean self = o.length() == 1;
        boolean opens = o.length() > 1 && isCjk(o.charAt(1)) && t.startsWith(o.substring(1), at + 2);
        if (!self && !opens) {
            return false;
        }
        if (self && !(Character.isLetter(t.charAt(at + 2)) && (!isLatin(t.charAt(at + 2))
                || Character.isLowerCase(t.charAt(at + 2))))) {
            return false; // "C came first", "C נוצרה": a word, not a capital, a digit or punctuation, after it
        }
        int end = at;
        while (end > 0 && t.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0 && "([（【:：\"'«“".indexOf(t.charAt(end - 1)) >= 0) {
            return false;
        }
        return BEFORE.lexicon.endOf(lower(t.substring(Math.max(0, end - 24), end))) == null;
    }

    /**
     * A word of four letters or more in a script other than Latin just before {@code at}, and no answer word or
     * hedge ending there.
     */
    private static boolean foreignWordBefore(String t, int at) {
        int end = at;
        if (end > 0 && t.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(t.charAt(start - 1)) && !isLatin(t.charAt(start - 1))) {
            start--;
        }
        if (end - start < 4 || (start > 0 && isWordChar(t.charAt(start - 1)))) {
            return false;
        }
        String word = lower(t.substring(start, end));
        String known = BEFORE.lexicon.at(word, 0);
        if (BEFORE.lexicon.endOf(lower(t.substring(Math.max(0, end - 24), end))) != null) {
            return false; // "على الأرجح C": a hedge of several words ends there, the letter is a label
        }
        return known == null || known.length() < word.length() - 1;
    }

    /**
     * A number standing alone: digits with group separators ("1,000,000", "1 000", "1.000") or a decimal part
     * ("3,14", "2٫5"), an optional sign; not part of a word written in Latin letters ("B12", "3rd").
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}.,٫٬])[-−]?(?:\\d{1,3}(?:(?:[,.٬'\u00a0\u202f]|\\s(?=\\d{3}(?!\\d)))\\d{3})+(?:[.,٫]\\d+)?"
                    + "|\\d+(?:[.,٫]\\d+)?)(?![\\p{IsLatin}\\p{N}]|[.,٫]\\d)");

    /** The value of an option text that is one number and nothing else, or null. */
    static BigDecimal numberValue(String option) {
        String o = option.strip();
        Matcher m = NUMBER.matcher(o);
        return m.matches() ? canonical(o) : null;
    }

    /** "1,000" and "1.000" are a thousand, "3,14" and "3.14" the same decimal, "2.50" is 2.5. */
    private static BigDecimal canonical(String number) {
        String n = number.replace('−', '-');
        List<Integer> seps = new ArrayList<>();
        for (int i = 0; i < n.length(); i++) {
            if (!Character.isDigit(n.charAt(i)) && !(i == 0 && n.charAt(i) == '-')) {
                seps.add(i);
            }
        }
        StringBuilder digits = new StringBuilder(n.length());
        int decimal = -1;
        if (!seps.isEmpty()) {
            int last = seps.get(seps.size() - 1);
            char sep = n.charAt(last);
            // "1,000" and "1.000": three digits after the last separator group thousands; "3,14" is a decimal
            if (n.length() - last - 1 != 3 || sep == '٫') {
                decimal = last;
            }
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isDigit(c) || (i == 0 && c == '-')) {
                digits.append(c);
            } else if (i == decimal) {
                digits.append('.');
            }
        }
        try {
            BigDecimal v = new BigDecimal(digits.toString()).stripTrailingZeros();
            return v.scale() < 0 ? v.setScale(0) : v;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Numbers in the answer that equal a numeric option's value become that option's mask character. */
    private static String maskNumbers(String lang, String t, BigDecimal[] values) {
        List<int[]> spans = new ArrayList<>();
        List<BigDecimal> found = new ArrayList<>();
        Matcher digits = NUMBER.matcher(t);
        while (digits.find()) {
            if (!listNumber(t, digits.start(), digits.end()) && !operand(t, digits.start(), digits.end())) {
                spans.add(new int[] {digits.start(), digits.end()});
                found.add(canonical(digits.group()));
            }
        }
        for (String l : lang.equals("en") ? List.of(lang) : List.of(lang, "en")) {
            AnswerLanguages.Numbers numbers = AnswerLanguages.numbers(l);
            if (numbers != null) {
                numberWords(t, numbers, spans, found);
            }
        }
        boolean masked = false;
        StringBuilder sb = new StringBuilder(t.length());
        Integer[] idx = new Integer[spans.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, Comparator.comparingInt(i -> spans.get(i)[0]));
        int copied = 0;
        for (int k : idx) {
            int[] span = spans.get(k);
            BigDecimal value = found.get(k);
            if (span[0] < copied || value == null) {
                continue;
            }
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && values[i].compareTo(value) == 0) {
                    sb.append(t, copied, span[0]).append((char) (MASK + i));
                    copied = span[1];
                    masked = true;
                    break;
                }
            }
        }
        return masked ? sb.append(t, copied, t.length()).toString() : t;
    }

    /**
     * A number in a calculation ("7 × 13 =", "365 + 1"): an operand, not the answer; the result after "=" is
     * read ("= 366").
     */
    private static boolean operand(String t, int start, int end) {
        int a = end;
        while (a < t.length() && t.charAt(a) == ' ') {
            a++;
        }
        if (a < t.length() && "×*+−=/÷·^".indexOf(t.charAt(a)) >= 0) {
            return true;
        }
        if (a < t.length() && (t.charAt(a) == '-' || t.charAt(a) == 'x') && a > end
                && (a + 1 >= t.length() || t.charAt(a + 1) == ' ' || Character.isDigit(t.charAt(a + 1)))) {
            return true; // "5 - 3", "7 x 13"
        }
        int b = start - 1;
        while (b >= 0 && t.charAt(b) == ' ') {
            b--;
        }
        if (b >= 0 && "×*+−/÷·^".indexOf(t.charAt(b)) >= 0) {
            return true;
        }
        return b >= 0 && b < start - 1 && (t.charAt(b) == '-' || t.charAt(b) == 'x')
                && (b == 0 || t.charAt(b - 1) == ' ' || Character.isDigit(t.charAt(b - 1)));
    }

    /** "1. …" or "2) …" at the start of a line numbers a list; it is not a count. */
    private static boolean listNumber(String t, int start, int end) {
        int b = start - 1;
        while (b >= 0 && (t.charAt(b) == ' ' || t.charAt(b) == '\t')) {
            b--;
        }
        if (b >= 0 && t.charAt(b) != '\n') {
            return false;
        }
        return end < t.length() && (t.charAt(end) == '.' || t.charAt(end) == ')')
                && (end + 1 >= t.length() || Character.isWhitespace(t.charAt(end + 1)));
    }

    private static final ConcurrentHashMap<AnswerLanguages.Numbers, Pattern> NUMBER_WORDS = new ConcurrentHashMap<>();

    /** Number words ("three", "mitatu") and composed numerals ("三百六十六", "፫፻፷፮") with their values. */
    private static void numberWords(String t, AnswerLanguages.Numbers numbers, List<int[]> spans, List<BigDecimal> found) {
        if (!numbers.words().isEmpty()) {
            Pattern p = NUMBER_WORDS.computeIfAbsent(numbers, AnswerExtractor::numberWordPattern);
            Matcher m = p.matcher(t);
            while (m.find()) {
                String form = m.group(1) != null ? m.group(1) : m.group(2);
                Integer v = numbers.words().get(lower(form));
                if (v != null && (m.group(1) != null || !isNotAlone(numbers, lower(form)))) {
                    spans.add(new int[] {m.start(), m.end()});
                    found.add(BigDecimal.valueOf(v));
                }
            }
        }
        if (numbers.numerals().isEmpty()) {
            return;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!numbers.numerals().containsKey(c) && !numbers.units().containsKey(c)) {
                continue;
            }
            int start = i;
            while (i < t.length() && (numbers.numerals().containsKey(t.charAt(i)) || numbers.units().containsKey(t.charAt(i)))) {
                i++;
            }
            int end = i;
            i--;
            String before = t.substring(Math.max(0, start - 2), start);
            if (numbers.notAfter().stream().anyMatch(before::endsWith)
                    || numbers.notAlone().contains(t.substring(start, end))) {
                continue;
            }
            // one numeral character (三, 一) is often part of a word (三角形, 一样): only before a counter
            if (end - start == 1 && !numbers.counters().isEmpty() && !counterOrEnd(t, end, numbers.counters())) {
                continue;
            }
            spans.add(new int[] {start, end});
            found.add(BigDecimal.valueOf(compose(numbers, t.substring(start, end))));
        }
    }

    /** The value of numeral characters: digits add, a unit multiplies what comes before it (三百六十六, ፫፻፷፮). */
    private static long compose(AnswerLanguages.Numbers numbers, String run) {
        long total = 0;
        long digit = 0;
        for (int i = 0; i < run.length(); i++) {
            Integer unit = numbers.units().get(run.charAt(i));
            if (unit != null) {
                total += (digit == 0 ? 1 : digit) * unit;
                digit = 0;
            } else {
                digit += numbers.numerals().get(run.charAt(i));
            }
        }
        return total + digit;
    }

    /** The value of an option written in a language's numeral characters only ("፫፻፷፮"), or null. */
    private static BigDecimal numeralValue(String lang, String option) {
        AnswerLanguages.Numbers numbers = AnswerLanguages.numbers(lang);
        if (numbers == null || numbers.numerals().isEmpty() || option.isEmpty()) {
            return null;
        }
        for (int i = 0; i < option.length(); i++) {
            if (!numbers.numerals().containsKey(option.charAt(i)) && !numbers.units().containsKey(option.charAt(i))) {
                return null;
            }
        }
        return BigDecimal.valueOf(compose(numbers, option));
    }

    /** A counter ("颗", "つ", "개", after one space at most), a sentence end or the end of the answer follows. */
    private static boolean counterOrEnd(String t, int end, List<String> counters) {
        if (end >= t.length() || TERMINATORS.indexOf(t.charAt(end)) >= 0 || "，、,;；:：)）".indexOf(t.charAt(end)) >= 0) {
            return true;
        }
        int at = t.charAt(end) == ' ' ? end + 1 : end;
        for (String c : counters) {
            if (t.startsWith(c, at)) {
                return true;
            }
        }
        return false;
    }

    /** Group 1: a form after an agreement prefix ("mi-tatu"); group 2: a form standing alone ("tatu", "three"). */
    private static Pattern numberWordPattern(AnswerLanguages.Numbers numbers) {
        List<String> all = new ArrayList<>();
        List<String> standalone = new ArrayList<>();
        for (String w : numbers.words().keySet()) {
            all.add(w);
            // a short stem ("ne", four in Zulu) is a number only with its prefix ("ezine")
            if (numbers.prefixes().isEmpty() || w.codePointCount(0, w.length()) >= 3) {
                standalone.add(w);
            }
        }
        StringBuilder p = new StringBuilder("(?<![\\p{L}\\p{N}\\p{M}'’])(?:");
        if (!numbers.prefixes().isEmpty()) {
            p.append("(?:").append(alternatives(numbers.prefixes())).append(")-?(").append(alternatives(all)).append(")|");
        }
        p.append("(").append(alternatives(standalone)).append("))(?![\\p{L}\\p{N}\\p{M}]|['’]\\p{L})");
        if (!numbers.counters().isEmpty()) {
            p.append("(?=\\s?(?:").append(alternatives(numbers.counters())).append(")|\\s*[.!?。！？,，]|\\s*$)");
        }
        return Pattern.compile(p.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String alternatives(List<String> words) {
        List<String> sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return String.join("|", sorted.stream().map(Pattern::quote).toList());
    }

    private static final ConcurrentHashMap<String, Optional<Pattern>> PATTERNS = new ConcurrentHashMap<>();

    /**
     * The pattern of one option's text, or null for a text too short to find safely (a lone letter). A text that
     * ends in a Latin letter or a digit may touch CJK ("维生素C会", "ビタミンDです", "비타민 D입니다"); a one-character
     * Han option is not the start of a longer word ("金" is not in "金属"), a one-syllable Hangul option stands before
     * a particle ("불입니다", not "금속"); a word before the last may carry an inflected ending ("вітаміну C").
     */
    static Pattern optionPattern(String choice, List<String> prefixes, List<String> particles, List<String> articles) {
        String core = choice;
        if (core.codePointCount(0, core.length()) < 2 && !(core.length() == 1 && isCjk(core.charAt(0)))) {
            return null;
        }
        if (core.chars().noneMatch(Character::isLetterOrDigit)) {
            return null;
        }
        String prefix = "";
        if (!articles.isEmpty()) {
            // "הצ'יטה", "الفول", "حمص" for "الحمص": the article may be added or dropped, not before a word of fewer
            // than three letters
            for (String a : articles) {
                if (core.startsWith(a) && core.length() - a.length() >= 3) {
                    core = core.substring(a.length());
                    break;
                }
            }
            if (core.split("\\s+")[0].length() >= 3) {
                prefix = "(?:" + alternatives(articles) + ")?";
            }
        }
        if (!prefixes.isEmpty()) {
            for (String p : prefixes) {
                if (core.length() > p.length() + 1 && core.startsWith(p)
                        && Character.isUpperCase(core.charAt(p.length()))) {
                    core = core.substring(p.length());
                    break;
                }
                // "indlovu" is "ngu-ndlovu" after a copula: a one-vowel prefix before a consonant may be dropped
                // ("Inkomo" as "yinkomo", "Imvu" as "ngemvu": the option may be written with its vowel capitalised)
                if (p.length() == 1 && "aeiou".indexOf(p.charAt(0)) >= 0 && core.length() >= 4
                        && Character.toLowerCase(core.charAt(0)) == p.charAt(0)
                        && "aeiou".indexOf(Character.toLowerCase(core.charAt(1))) < 0 && Character.isLowerCase(core.charAt(1))) {
                    core = core.substring(1);
                    break;
                }
            }
            // at most two prefixes ("ngu-" before the dropped vowel, "yase" before a name: "yaseSandlwana"), in a
            // language with an article (Hebrew, Arabic) one proclitic, compounds listed as data, before the article
            // ("בהר", "והטלפון", "بالحديد") and never after it ("הבריאות" is not ה + ב + "ריאות"); none before a word
            // of fewer than three letters
            if (core.split("\\s+")[0].codePointCount(0, core.split("\\s+")[0].length()) >= 3) {
                prefix = "(?:(?:" + String.join("|", prefixes.stream().map(Pattern::quote).toList()) + ")-?)"
                        + (articles.isEmpty() ? "{0,2}" : "?") + prefix;
            }
        }
        StringBuilder sb = new StringBuilder();
        char first = core.charAt(0);
        char last = core.charAt(core.length() - 1);
        if (Character.UnicodeScript.of(first) == Character.UnicodeScript.HANGUL) {
            sb.append("(?<!\\p{IsHangul})");
        } else if (!isCjk(first)) {
            sb.append(isLatin(first) || Character.isDigit(first) ? "(?<!" + NOT_CJK_WORD + ")" : "(?<![\\p{L}\\p{N}\\p{M}])");
        }
        sb.append(prefix);
        String[] words = core.split("\\s+");
        for (int w = 0; w < words.length; w++) {
            sb.append(w == 0 ? "" : "\\s*").append(Pattern.quote(words[w]));
            if (w < words.length - 1 && words[w].length() >= 5 && Character.isLetter(words[w].charAt(words[w].length() - 1))
                    && !isCjk(words[w].charAt(0))) {
                sb.append("\\p{L}{0,3}");
            }
        }
        if (core.length() == 1 && Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN) {
            sb.append("(?!\\p{IsHan})");
        } else if (core.length() == 1 && Character.UnicodeScript.of(last) == Character.UnicodeScript.HANGUL) {
            sb.append("(?=").append(particles.isEmpty() ? "" : alternatives(particles) + "|").append("[^\\p{IsHangul}]|$)");
        } else if (!isCjk(last) && Character.isLetterOrDigit(last)) {
            // a sign that ends the option ("C++", "C#") ends a word itself: a particle may follow it ("C++가")
            sb.append(isLatin(last) || Character.isDigit(last) ? "(?!" + NOT_CJK_WORD + ")" : "(?![\\p{L}\\p{N}\\p{M}])");
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A letter, digit or mark that is not CJK: what may not touch an option text that ends in Latin or a digit. */
    private static final String NOT_CJK_WORD =
            "[\\p{L}\\p{N}\\p{M}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]]";

    /**
     * The last layer: the one option whose words all stand in the answer, allowing inflected endings ("Die
     * Mitochondrien" for "Mitochondrium") and a noun-class prefix ("yiJupiter"); null unless exactly one matches.
     */
    static Integer fuzzyOptionText(String lang, String text, List<String> choices) {
        List<String> tokens = tokens(lower(text));
        if (tokens.isEmpty()) {
            return null;
        }
        List<String> prefixes = AnswerLanguages.nounPrefixes(lang);
        List<List<String>> all = new ArrayList<>();
        for (String c : choices) {
            all.add(tokens(lower(AnswerLanguages.fold(Normalizer.normalize(c, Normalizer.Form.NFKC)))));
        }
        Integer found = null;
        for (int i = 0; i < choices.size(); i++) {
            List<String> words = new ArrayList<>(all.get(i));
            if (choices.size() > 1) {
                // "Mlima Kilimanjaro", "Mlima Kenya": the word every option has does not tell them apart
                words.removeIf(w -> all.stream().allMatch(o -> o.contains(w)));
            }
            if (words.isEmpty() || words.stream().allMatch(w -> w.length() < 2)) {
                continue;
            }
            boolean every = true;
            for (String w : words) {
                String core = stripPrefix(w, prefixes);
                if (w.length() < 2 || tokens.stream().noneMatch(t -> similar(t, w) || similar(stripPrefix(t, prefixes), core))) {
                    every = false;
                    break;
                }
            }
            if (every) {
                if (found != null) {
                    return null;
                }
                found = i;
            }
        }
        return found;
    }

    /**
     * "Picasso." for "Pablo Picasso", "In der DNA." for "Die DNA": with nothing else naming an option, the last word
     * (three letters or more) of exactly one option of several capitalized words, found as a
     * whole word, in no other option, not just after a negation, and with no word of another option in the reply (the
     * words several options share, articles, aside). Null otherwise.
     */
    private static Integer lastWordOption(String text, List<String> choices) {
        String t = lower(AnswerLanguages.fold(text));
        List<List<String>> words = new ArrayList<>();
        Map<String, Integer> shared = new HashMap<>();
        for (String c : choices) {
            List<String> w = new ArrayList<>();
            for (String token : lower(AnswerLanguages.fold(c)).split("\\s+")) {
                String core = token.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
                if (!core.isEmpty()) {
                    w.add(core);
                }
            }
            words.add(w);
            new HashSet<>(w).forEach(x -> shared.merge(x, 1, Integer::sum));
        }
        Integer found = null;
        for (int i = 0; i < choices.size(); i++) {
            List<String> w = words.get(i);
            // a name, each word capitalized ("Pablo Picasso", "Die DNA"): in a script without case, or with a word in
            // lower case, the last word may be a common one ("גרעין התא", the cell; "الولايات المتحدة", united)
            if (w.size() < 2 || !Arrays.stream(choices.get(i).strip().split("\\s+"))
                    .allMatch(x -> !x.isEmpty() && Character.isUpperCase(x.codePointAt(0)))) {
                continue;
            }
            String last = w.get(w.size() - 1);
            if (last.codePoints().filter(Character::isLetter).count() < 3 || shared.get(last) > 1) {
                continue;
            }
            int at = wholeWord(t, last, 0);
            if (at < 0 && last.length() >= 6) {
                at = nearWord(t, last); // "Dostoyevsky" for "Fyodor Dostoevsky": a spelling variant of a long name
            }
            if (at < 0) {
                continue;
            }
            if (found != null || AnswerLanguages.lexicon(Kind.NOT).endOf(t.substring(Math.max(0, at - 24), at).stripTrailing()) != null) {
                return null;
            }
            found = i;
        }
        if (found == null) {
            return null;
        }
        for (int i = 0; i < choices.size(); i++) {
            for (String w : i == found ? List.<String>of() : words.get(i)) {
                if (shared.get(w) == 1 && w.codePoints().filter(Character::isLetter).count() >= 3 && wholeWord(t, w, 0) >= 0) {
                    return null; // "Dickens admired Shakespeare": another option is named beside it
                }
            }
        }
        return found;
    }

    private static int wholeWord(String t, String w, int from) {
        for (int at = t.indexOf(w, from); at >= 0; at = t.indexOf(w, at + 1)) {
            int end = at + w.length();
            if ((at == 0 || !isWordChar(t.charAt(at - 1))) && (end >= t.length() || !isWordChar(t.charAt(end)))) {
                return at;
            }
        }
        return -1;
    }

    private static String stripPrefix(String w, List<String> prefixes) {
        for (String p : prefixes) {
            if (w.length() >= p.length() + 4 && w.startsWith(p)) {
                return w.substring(p.length());
            }
        }
        return w;
    }

    /** The same word, or the same stem with another ending (five letters or more, at most three changed). */
    /** Where a word of {@code t} one letter added, dropped or changed away from {@code word} starts, or -1. */
    private static int nearWord(String t, String word) {
        int i = 0;
        while (i < t.length()) {
            while (i < t.length() && !Character.isLetter(t.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < t.length() && Character.isLetter(t.charAt(j))) {
                j++;
            }
            if (j > i && oneEditApart(t.substring(i, j), word)) {
                return i;
            }
            i = j;
        }
        return -1;
    }

    private static boolean oneEditApart(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1 || a.equals(b)) {
            return false;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int ea = a.length(), eb = b.length();
        while (ea > i && eb > i && a.charAt(ea - 1) == b.charAt(eb - 1)) {
            ea--;
            eb--;
        }
        return ea - i <= 1 && eb - i <= 1;
    }

    private static boolean similar(String token, String word) {
        if (token.equals(word)) {
            return true;
        }
        if (word.length() < 5 || token.length() < 5 || isCjk(word.charAt(0))) {
            return false;
        }
        int common = 0;
        while (common < word.length() && common < token.length() && word.charAt(common) == token.charAt(common)) {
            common++;
        }
        return common >= Math.max(5, word.length() - 3) && token.length() - common <= 4;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean word = i < s.length() && isWordChar(s.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static final Set<String> OR_WORDS = Set.copyOf(AnswerLanguages.words(Kind.OR));
    private static final Set<String> RANGE_WORDS = Set.copyOf(AnswerLanguages.words(Kind.RANGE));
    private static final Set<String> RANGE_DASHES = Set.of("-", "–", "~", "～", "〜"); // not the em dash: "C—D is wrong"
    private static final Set<String> COPULAS = Set.copyOf(AnswerLanguages.words(Kind.COPULA));
    private static final Set<String> NOT_WORDS = Set.copyOf(AnswerLanguages.words(Kind.NOT));
    private static final Set<String> CONDITIONS = Set.copyOf(AnswerLanguages.words(Kind.CONDITION));
    private static final AnswerLanguages.Tagged BEFORE = new AnswerLanguages.Tagged(
            List.of(Kind.ANSWER, Kind.CONCLUDE, Kind.RETRACT, Kind.HEDGE, Kind.OPTION));
    private static final AnswerLanguages.Tagged AFTER = new AnswerLanguages.Tagged(
            List.of(Kind.WRONG, Kind.RETRACT, Kind.CORRECT, Kind.HEDGE_AFTER));

    /** One letter or option text in the answer, classified by what surrounds it. */
    private static final class Mention {
        final int option;
        final int start;
        int end;
        final boolean text;
        boolean strong;
        boolean tentative;
        boolean conclusive;
        boolean negative;
        boolean leading;
        boolean lineStartLabel;
        boolean answerWord;
        /** An end of a range of letters ("A–D"): named, never stated. */
        boolean ranged;
        /** One of three or more options' texts in a row ("unplug it, pour water on it or open the door"): restated. */
        boolean series;
                /** Offered as an earlier thought ("At first I thought A", "最初はAだと思いましたが"): see {@link Kind#INITIAL}. */
        boolean initial;
        /** The label is followed by its own option's text ("C) Tianjin"). */
        boolean agrees;
        /** The option whose text follows the label when it is another's ("C) Beijing", Beijing being B), or -1. */
        int disagrees = -1;
        /** The label is followed by its own option's text, as when the options are re-listed ("A. Mars", "(B) Jupiter"). */
        boolean restates;
        /** A hedge that names something else or'd beside it: "maybe two hearts or three". */
        boolean alternative;
        /** Named only under a counterfactual ("… the answer would have been B"): ruled out, not chosen. */
        boolean hypothetical;
        Mention next;
        Mention prev;
        int postAt = -1;
        /** Where a predicate after the mention ends ("Bです", "A ni"), or -1. */
        int afterEnd = -1;

        Mention(int option, int start, int end, boolean text) {
            this.option = option;
            this.start = start;
            this.end = end;
            this.text = text;
        }
    }

    /** The mentions of one answer and the decision over them. */
    private static final class Reading {
        private final String lang;
        private final String m;
        private final String low;
        private final int n;
        private final List<Mention> mentions = new ArrayList<>();

        Reading(String lang, String masked, int n) {
            this.lang = lang;
            this.m = masked;
            this.low = lower(masked);
            this.n = n;
            scan(lang);
            ratherThan();
            textSeries();
        }

        /**
         * "The options are: unplug it, pour water on it, open the door or carry it outside.", "选択肢は「…」「…」「…」です":
         * three options' texts or more in a row on one line (two after a word for option), nothing but punctuation,
         * quotes or a word for "or"/"and" between them (a line break or an opening bracket ends the row): the options
         * restated, none chosen, whatever introduces them; an item stated as the answer stays stated unless three
         * other options follow it.
         */
        private void textSeries() {
            int k = 0;
            while (k < mentions.size()) {
                int j = k;
                Set<Integer> options = new HashSet<>();
                options.add(mentions.get(k).option);
                while (j + 1 < mentions.size() && mentions.get(k).text && mentions.get(j + 1).text
                        && seriesGap(low.substring(mentions.get(j).end, mentions.get(j + 1).start))) {
                    j++;
                    options.add(mentions.get(j).option);
                }
                Mention head = mentions.get(k);
                // "The answer is Canberra, Sydney being merely the largest": an item stated as the answer before
                // the others is restated only when three other options follow it
                boolean stated = (head.strong || head.answerWord) && !optionNounBefore(head);
                int others = options.size() - 1;
                if (stated ? others >= 3 : options.size() >= 3 || (options.size() == 2 && optionNounBefore(head))) {
                    for (int i = k; i <= j; i++) {
                        Mention x = mentions.get(i);
                        x.series = true;
                        x.strong = false;
                        x.tentative = false;
                        x.conclusive = false;
                        x.answerWord = false;
                    }
                }
                k = j + 1;
            }
        }

        /** "選択肢は「…」「…」", "the options are …": a word for option earlier in the sentence of the mention. */
        private boolean optionNounBefore(Mention x) {
            int from = sentenceStart(x.start, 120);
            for (int k = from; k < x.start; k++) {
                if ((k == 0 || !Character.isLetterOrDigit(low.charAt(k - 1)))
                        && AnswerLanguages.lexicon(Kind.OPTION).at(low, k) != null) {
                    return true;
                }
            }
            return false;
        }

        private static boolean seriesGap(String gap) {
            if (gap.indexOf('\n') >= 0 || gap.indexOf('(') >= 0 || gap.indexOf('（') >= 0) {
                return false; // "**Canberra**\n\nSydney, Melbourne …", "Canberra (Sydney, Melbourne …)": not a row
            }
            String g = gap.replaceAll("[\\s,;、，；「」『』\"'“”«»‘’)）/*_]+", " ").strip();
            if (g.isEmpty()) {
                return true;
            }
            String or = AnswerLanguages.lexicon(Kind.OR).at(g, 0);
            return or != null && or.length() == g.length();
        }

        /**
         * "Más bien A que C", "Eher D als B", "Rather A than C": a letter after a word for "than" right after another
         * letter that a word for "rather" opens, in the same clause, is set aside for it.
         */
        private void ratherThan() {
            for (int k = 1; k < mentions.size(); k++) {
                Mention x = mentions.get(k - 1);
                Mention y = mentions.get(k);
                if (x.text || y.text || x.negative || x.option == y.option) {
                    continue;
                }
                String gap = low.substring(x.end, y.start).replaceAll("^[\\s,]+|\\s+$", "");
                String before = low.substring(sentenceStart(x.start, 60), x.start).replaceAll("[\\s,:]+$", "");
                String article = AnswerLanguages.lexicon(Kind.ARTICLE_BEFORE).endOf(before);
                if (article != null && before.length() > article.length()) {
                    before = before.substring(0, before.length() - article.length()).stripTrailing(); // "más bien la A"
                }
                String rather = AnswerLanguages.lexicon(Kind.RATHER).endOf(before);
                if (rather == null || !AnswerLanguages.words(Kind.THAN).contains(gap)) {
                    continue;
                }
                y.negative = true;
                y.strong = false;
                if (x.next == y) {
                    x.next = null;
                    y.prev = null;
                }
            }
        }

        private boolean isLetterMention(int i) {
            char c = m.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
            char before = i == 0 ? ' ' : m.charAt(i - 1);
            char next = i + 1 >= m.length() ? ' ' : m.charAt(i + 1);
            if (isLatin(before) || Character.isDigit(before) || before == '°' || before == '\'' || before == '’') {
                return false;
            }
            if (isLatin(next) || Character.isDigit(next) || next == '+' || next == '\'' || next == '’') {
                return false;
            }
            // X-ray, T-cell; U.S.A.; but "A-D" is a range of two letters
            if (next == '-' && i + 2 < m.length() && isLatin(m.charAt(i + 2)) && !letterRangeEnd(i + 2)) {
                return false;
            }
            if (next == '.' && i + 3 < m.length() && m.charAt(i + 2) >= 'A' && m.charAt(i + 2) <= 'Z'
                    && m.charAt(i + 3) == '.') {
                return false;
            }
            if (before == '.' && i >= 2 && isLatin(m.charAt(i - 2)) && Character.isLowerCase(m.charAt(i - 2)) && next == '.') {
                return false; // "753 a.C.", "d.C."
            }
            return !(before == '.' && i >= 2 && m.charAt(i - 2) >= 'A' && m.charAt(i - 2) <= 'Z'
                    && i >= 3 && !isLatin(m.charAt(i - 3)) && next == '.');
        }

        /**
         * The last option's letter standing alone after "A-": the whole set "A-D" (not "A-Z"; "B-C" stays a name, as
         * in "vitamin B-C").
         */
        private boolean letterRangeEnd(int j) {
            return m.charAt(j - 2) == 'A' && m.charAt(j) == 'A' + n - 1 && n > 2 && (j + 1 >= m.length() || !isLatin(m.charAt(j + 1))
                    && !Character.isDigit(m.charAt(j + 1)) && m.charAt(j + 1) != '-');
        }

        private void scan(String lang) {
            int firstContent = 0;
            while (firstContent < m.length() && !isWordChar(m.charAt(firstContent))
                    && !isMask(m.charAt(firstContent), n)) {
                firstContent++;
            }
            int lastLineStart = m.lastIndexOf('\n') + 1;
            String lastLine = m.substring(lastLineStart);
            for (int i = 0; i < m.length(); i++) {
                char c = m.charAt(i);
                Mention mention;
                if (isMask(c, n)) {
                    mention = new Mention(c - MASK, i, i + 1, true);
                } else if (isLetterMention(i) && !letterPhrase(lang, i) && !namedLetter(i)) {
                    mention = new Mention(c - 'A', i, i + 1, false);
                    consumeLabelText(mention);
                } else if (c >= 'a' && c <= 'z' && lowerCaseAnswer(i)) {
                    mention = new Mention(c - 'a', i, i + 1, false);
                } else {
                    continue;
                }
                mention.leading = mention.start == firstContent;
                mention.lineStartLabel = !mention.text && listLabel(mention.start);
                // "Why the others are wrong:\n• C) Mars: …": listed as not chosen, whatever the heading's words are
                // taken for before it; only a predicate after it that calls it right keeps it
                boolean listedAsOther = mention.lineStartLabel && underOthersHeading(mention.start);
                if (!listedAsOther) {
                    classifyBefore(mention);
                }
                classifyAfter(mention);
                if (listedAsOther && !mention.negative && !mention.strong) {
                    mention.negative = true;
                }
                if (!mention.negative && counterfactual(mention)) {
                    mention.hypothetical = true;
                    mention.negative = true;
                    mention.strong = false;
                }
                // "Also ist A richtig": a predicate just after the letter says it is a label, not the article A
                boolean byPredicate = (mention.strong || mention.negative) && mention.postAt == 0;
                if (!mention.text && !byPredicate && !mention.answerWord
                        && AnswerLanguages.isLetterWord(lang, String.valueOf(c)) && articleFollows(mention.start)) {
                    continue; // "A cat", "so I think", "E poi"
                }
                if (!mention.text && mention.start >= lastLineStart && onlyThis(lastLine, mention.start - lastLineStart)
                        && lastLineStart > 0 && !(mention.lineStartLabel && labelLineAbove(lastLineStart))) {
                    mention.strong = true; // a bare letter as the last line closes the answer
                }
                if (mention.text && mention.start >= lastLineStart && lastLineStart > 0 && closingText(lastLine,
                        mention.start - lastLineStart, lastLineStart)) {
                    mention.strong = true; // "… larger than Earth.\n\nJupiter.": an option's text alone closes it
                }
                if (!mentions.isEmpty() && ranged(mentions.get(mentions.size() - 1), mention)) {
                    // "A–D", "von A bis D": a set of options, neither end stated, but each named, so that a letter
                    // beside it is not the only one ("Most say B, but none of A–D is correct")
                    for (Mention end : List.of(mentions.get(mentions.size() - 1), mention)) {
                        end.ranged = true;
                        end.strong = false;
                        end.tentative = false;
                        end.conclusive = false;
                        end.answerWord = false;
                        end.negative = false;
                        end.initial = false;
                    }
                    mentions.add(mention);
                    i = mention.end - 1;
                    continue;
                }
                if (!mentions.isEmpty()) {
                    Mention p = mentions.get(mentions.size() - 1);
                    if (joined(p, mention)) {
                        p.next = mention;
                        mention.prev = p;
                    }
                }
                mentions.add(mention);
                i = mention.end - 1;
            }
            // a letter that ends the reply closes it ("… es Calderón: ④.", "… ngu ③"), unless it is a reference
            if (!mentions.isEmpty()) {
                Mention last = mentions.get(mentions.size() - 1);
                int from = sentenceStart(last.start, 200);
                boolean alone = mentions.stream().noneMatch(x -> x != last && !x.negative && x.start >= from
                        && x.option != last.option);
                if (!last.text && !last.negative && !last.ranged && last.end == last.start + 1 && alone
                        && m.substring(last.end).matches("[\\s.!?。！？።।*]*") && !reference(last)
                        && (last.start == 0 || m.charAt(last.start - 1) != '(' || afterColon(last.start - 1))) {
                    last.strong = true;
                }
            }
            // a clause about two letters is about both: "A and C are correct", "not A or B"
            for (Mention x : mentions) {
                if (x.prev == null && x.next != null) {
                    Mention last = x;
                    while (last.next != null) {
                        last = last.next;
                    }
                    boolean strong = x.strong || last.strong;
                    boolean negative = x.negative || last.negative;
                    for (Mention y = x; y != null; y = y.next) {
                        y.strong = strong && !negative;
                        y.negative = negative;
                    }
                }
            }
        }

        /**
         * A letter a naming word ({@code names}) stands beside names a thing, it is no label: "vitamin C",
         * "בוויטמין C" (the word may carry a glued prefix), "A抗原", "B 항원", "B-Antigene", and each letter of a list
         * joined by commas or "or" beside it ("antigen A, B or Rh", "A, B 항원").
         */
        private boolean namedLetter(int i) {
            List<String> names = AnswerLanguages.words(Kind.NAME);
            if (names.isEmpty()) {
                return false;
            }
            int at = i;
            for (int hops = 0; hops < 4; hops++) {
                int k = at - 1;
                while (k >= 0 && (m.charAt(k) == ' ' || m.charAt(k) == '-')) {
                    k--;
                }
                int w = k;
                while (w >= 0 && isWordChar(m.charAt(w))) {
                    w--;
                }
                String word = low.substring(w + 1, k + 1);
                if (!word.isEmpty() && names.stream().anyMatch(word::endsWith)) {
                    return true;
                }
                int letter = listedBefore(k, w, word);
                if (letter < 0) {
                    break;
                }
                at = letter;
            }
            at = i + 1;
            for (int hops = 0; hops < 4; hops++) {
                int k = at;
                while (k < m.length() && (m.charAt(k) == ' ' || m.charAt(k) == '-')) {
                    k++;
                }
                int w = k;
                while (w < m.length() && isWordChar(m.charAt(w))) {
                    w++;
                }
                String word = low.substring(k, w);
                if (!word.isEmpty() && names.stream().anyMatch(word::startsWith)) {
                    return true;
                }
                // the next letter of a list: "A, B 항원", "A or B antigens"
                int next = word.isEmpty() && k < m.length() && ",、፣".indexOf(m.charAt(k)) >= 0 ? k + 1
                        : OR_WORDS.contains(word) ? w : -1;
                if (next < 0) {
                    break;
                }
                while (next < m.length() && m.charAt(next) == ' ') {
                    next++;
                }
                if (next >= m.length() || m.charAt(next) < 'A' || m.charAt(next) > 'Z'
                        || (next + 1 < m.length() && isWordChar(m.charAt(next + 1)))) {
                    break;
                }
                at = next + 1;
            }
            return false;
        }

        /**
         * Before a letter, a list separator (a comma, "or") ending at {@code k} (the word there is {@code word},
         * starting after {@code w}) with a lone capital letter before it: that letter's index, else -1.
         */
        private int listedBefore(int k, int w, String word) {
            int sep;
            if (word.isEmpty() && k >= 0 && ",、፣".indexOf(m.charAt(k)) >= 0) {
                sep = k - 1;
            } else if (!word.isEmpty() && OR_WORDS.contains(word)) {
                sep = w;
            } else {
                return -1;
            }
            while (sep >= 0 && m.charAt(sep) == ' ') {
                sep--;
            }
            boolean lone = sep >= 0 && m.charAt(sep) >= 'A' && m.charAt(sep) <= 'Z'
                    && (sep == 0 || !isWordChar(m.charAt(sep - 1)));
            return lone ? sep : -1;
        }

        /** A phrase of the language that opens with this letter as a word (Yoruba "A ní láti", we have to). */
        private boolean letterPhrase(String lang, int i) {
            for (String p : AnswerLanguages.letterPhrases(lang)) {
                int end = i + p.length();
                if (low.startsWith(p, i) && (end >= low.length() || !isWordChar(low.charAt(end)))) {
                    return true;
                }
            }
            return false;
        }

        /** "B. Jupiter", "B (Jupiter)", "B — Jupiter": the option's own text belongs to the label. */
        private void consumeLabelText(Mention x) {
            labelAgreement(x);
            int j = x.end;
            while (j < m.length() && " ).,:：、-–—(".indexOf(m.charAt(j)) >= 0) {
                j++;
            }
            String gap = m.substring(x.end, Math.min(j, m.length()));
            // "Answer: B. Sydney is not the capital.": after a full stop or a comma another option's text opens a
            // sentence of its own; what is said of it is not said of the label
            boolean another = j < m.length() && isMask(m.charAt(j), n) && m.charAt(j) - MASK != x.option;
            if (another && (gap.indexOf('.') >= 0 || gap.indexOf(',') >= 0)) {
                return;
            }
            if (j < m.length() && isMask(m.charAt(j), n) && j - x.end <= 4) {
                x.restates = m.charAt(j) - MASK == x.option;
                j++;
                while (j < m.length() && m.charAt(j) == ')') {
                    j++;
                }
                x.end = j;
            }
        }

        /**
         * A label (the letter, then label punctuation: not a plain space, "A Moshi" is no label, nor a dash, "D —
         * Jupiter is a gas giant" explains) followed by an option's text: its own agrees, another's disagrees, except
         * after a full stop or a comma where a sentence may go on with an option's text ("so D. HTTP transfers web
         * pages"): that is a label only when nothing but punctuation follows the text ("C. Beijing.").
         */
        private void labelAgreement(Mention x) {
            int p = x.end;
            while (p < m.length() && Character.isWhitespace(m.charAt(p))) {
                p++;
            }
            if (p < m.length() && m.charAt(p) == '(') {
                parenthesized(x, p);
                return;
            }
            if (p >= m.length() || ").:：、,，".indexOf(m.charAt(p)) < 0) {
                return;
            }
            char punctuation = m.charAt(p);
            int q = p + 1;
            while (q < m.length() && Character.isWhitespace(m.charAt(q))) {
                q++;
            }
            if (q >= m.length() || !isMask(m.charAt(q), n)) {
                return;
            }
            int option = m.charAt(q) - MASK;
            boolean stop = punctuation != ')' && punctuation != ':' && punctuation != '：';
            if (option == x.option) {
                x.agrees = true;
            } else if (!(stop && SENTENCE_GOES_ON.matcher(m).region(q + 1, m.length()).lookingAt())) {
                x.disagrees = option;
            }
        }

        /**
         * "D (366)", "D（木星）": an option's text alone in parentheses right after the label names the option the label
         * means; another option's text there contradicts the label, and a grader cannot tell which was meant.
         */
        private void parenthesized(Mention x, int open) {
            int q = open + 1;
            while (q < m.length() && Character.isWhitespace(m.charAt(q))) {
                q++;
            }
            if (q >= m.length() || !isMask(m.charAt(q), n)) {
                return;
            }
            int close = q + 1;
            while (close < m.length() && Character.isWhitespace(m.charAt(close))) {
                close++;
            }
            if (close >= m.length() || m.charAt(close) != ')') {
                return;
            }
            int option = m.charAt(q) - MASK;
            if (option == x.option) {
                x.agrees = true;
            } else {
                x.disagrees = option;
            }
        }

        private static final Pattern SENTENCE_GOES_ON = Pattern.compile("\\s*\\(|\\s+[\\p{L}\\p{N}]");
        private static final Pattern LONE_LOWER = Pattern.compile("(?<![\\p{L}\\p{M}])[a-j](?![\\p{L}\\p{M}])");
        /** What may close a reply after its lowercase letter: punctuation, a copula ("です", "입니다"). */
        private static final Pattern LOWER_TAIL = Pattern.compile("[\\s.。!！:)\\]]*(?:です|입니다|ですね)?[\\s.。!！]*");
        private static final int SHORT = 80;

        /**
         * A short reply that closes on this lowercase letter after an answer word ("the answer is b", "答えは c
         * です。", "impendulo ngu-b", "ìdáhùn ni b") is that letter, provided no other lone letter and no negation
         * comes before it.
         */
        private boolean closingLowercase(int i) {
            if (m.strip().length() > SHORT || m.charAt(i) - 'a' >= n || !LOWER_TAIL.matcher(m).region(i + 1, m.length())
                    .matches()) {
                return false;
            }
            String pre = low.substring(0, i);
            if (pre.isBlank() || LONE_LOWER.matcher(pre).find()
                    || AnswerLanguages.words(Kind.ANSWER).stream().noneMatch(w -> !w.isEmpty() && pre.contains(w))) {
                return false;
            }
            for (String w : AnswerLanguages.words(Kind.NOT)) {
                if (!w.isEmpty() && Pattern.compile("(?<![\\p{L}])" + Pattern.quote(w) + "(?![\\p{L}])").matcher(pre).find()) {
                    return false;
                }
            }
            return true;
        }

        private boolean lowerCaseAnswer(int i) {
            char before = i == 0 ? ' ' : m.charAt(i - 1);
            char next = i + 1 >= m.length() ? ' ' : m.charAt(i + 1);
            if (isWordChar(before) || isWordChar(next)) {
                return false;
            }
            if (closingLowercase(i)) {
                return true;
            }
            int k = i - 1;
            while (k >= 0 && m.charAt(k) == ' ') {
                k--;
            }
            if (k < 0 || (m.charAt(k) != ':' && m.charAt(k) != '：')) {
                return false; // "answer: b" only
            }
            String seg = low.substring(Math.max(0, i - 20), i);
            for (String w : AnswerLanguages.words(Kind.ANSWER)) {
                int at = seg.lastIndexOf(w);
                if (at >= 0 && seg.substring(at + w.length()).chars().noneMatch(Character::isLetterOrDigit)
                        && seg.substring(at + w.length()).chars().anyMatch(ch -> ch == ':' || ch == '：')) {
                    return true;
                }
            }
            return false;
        }

        /** A label as in a list of options: "A. …", "B) …", "C: …" after a space or a line start, not "(A)". */
        private boolean listLabel(int i) {
            char before = i == 0 ? ' ' : m.charAt(i - 1);
            if (!Character.isWhitespace(before) && before != '-' && before != '>') {
                return false;
            }
            return i + 1 < m.length() && ").:：]".indexOf(m.charAt(i + 1)) >= 0
                    && (i + 2 >= m.length() || Character.isWhitespace(m.charAt(i + 2)) || isMask(m.charAt(i + 2), n));
        }

        /**
         * The label opens a line of a list (bullets before it at most) under a heading that names the other options
         * ("Why the others are wrong:", "其他选项为什么不对：", "ሌሎቹ ለምን ስህተት ናቸው፦"): the nearest line above that is
         * neither blank nor a label line is short, ends with a colon and has a word for "other" (data, {@code others}).
         */
        private boolean underOthersHeading(int at) {
            int lineStart = m.lastIndexOf('\n', at - 1) + 1;
            if (!m.substring(lineStart, at).matches("[\\s\\-•*>·]*[(（]?")) {
                return false;
            }
            int end = lineStart - 1;
            while (end > 0) {
                int start = m.lastIndexOf('\n', end - 1) + 1;
                String line = m.substring(start, end);
                if (!line.isBlank() && !LABEL_LINE.matcher(line).lookingAt()) {
                    return othersHeading(low.substring(start, end).strip());
                }
                end = start - 1;
            }
            return false;
        }

        private static boolean othersHeading(String line) {
            if (line.isEmpty() || ":：፦".indexOf(line.charAt(line.length() - 1)) < 0) {
                return false;
            }
            String heading = line.substring(0, line.length() - 1).strip();
            boolean cjk = !heading.isEmpty() && isCjk(heading.charAt(0));
            return !heading.isEmpty() && (cjk ? heading.length() <= 16 : heading.split("\\s+").length <= 8)
                    && hasWord(heading, Kind.OTHERS);
        }

        /** The line above {@code lineStart} is a label line too ("C. Saturn" above "D. Venus"): a listing. */
        private boolean labelLineAbove(int lineStart) {
            String before = m.substring(0, lineStart).stripTrailing();
            return LABEL_LINE.matcher(before.substring(before.lastIndexOf('\n') + 1)).lookingAt();
        }

        private static final Pattern LABEL_LINE = Pattern.compile("\\s*(?:[-•*>]\\s*)?[(（]?[A-Z][).:：]");

        /**
         * The last line is this option's text and punctuation only, after prose: not the last item of a listing (a
         * list mark before it, or a line before it that is an option's text alone too).
         */
        private boolean closingText(String line, int at, int lineStart) {
            if (!onlyThis(line, at) || line.strip().matches("^(?:[-•*>]|\\d+[.)]).*")) {
                return false;
            }
            String before = m.substring(0, lineStart).strip();
            String previous = before.substring(before.lastIndexOf('\n') + 1);
            return previous.chars().anyMatch(Character::isLetter);
        }

        /** The last line is this letter and punctuation (and its option text) only. */
        private boolean onlyThis(String line, int at) {
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (j != at && (isWordChar(c) || (isMask(c, n) && j < at))) {
                    return false;
                }
            }
            return true;
        }

        /** "A cat": a letter that is a word, followed by a word of three letters or more. */
        private boolean articleFollows(int i) {
            if (i > 0 && (m.charAt(i - 1) == '-' || Character.isLetter(m.charAt(i - 1)) || afterGlue(i))) {
                return false; // glued to a prefix ("ngu-A futhi", read as "ngu A"): a label, never an article
            }
            int w = i + 1;
            if (w + 1 >= m.length() || m.charAt(w) != ' ' || !Character.isLowerCase(m.charAt(w + 1))) {
                return false;
            }
            int end = w + 1;
            while (end < m.length() && Character.isLetter(m.charAt(end))) {
                end++;
            }
            if (end - (w + 1) < 3) {
                return false;
            }
            String word = low.substring(w + 1, end);
            // "Sowohl A als auch C": a connector of several words ("als auch") after the letter joins it to the next
            String connector = AnswerLanguages.lexicon(Kind.OR).at(low, w + 1, c -> endsWord(low, w + 1 + c.length(), c));
            if (connector == null && (AnswerLanguages.words(Kind.OR).contains(word)
                    || AnswerLanguages.words(Kind.THAN).contains(word))) {
                connector = word; // "Rather A than C", "Más bien A que C" too
            }
            // a connector joins two letters only when a letter follows it ("sia A che C"); "A che cosa" is a word
            return connector == null || !letterAt(w + 1 + connector.length());
        }

        /** The word just before a position (and a space) is a prefix written glued to a letter ("ngu A"). */
        private boolean afterGlue(int i) {
            if (i < 2 || m.charAt(i - 1) != ' ') {
                return false;
            }
            int b = i - 1;
            while (b > 0 && Character.isLetter(m.charAt(b - 1))) {
                b--;
            }
            return b < i - 1 && AnswerLanguages.glue().contains(low.substring(b, i - 1));
        }

        /** After spaces from a position, a capital letter standing alone (a label, "C" in "sia A che C"). */
        private boolean letterAt(int i) {
            int p = i;
            while (p < m.length() && m.charAt(p) == ' ') {
                p++;
            }
            // a prefix glued to the letter ("ngu-B", "nguB"), an opening bracket or emphasis
            int q = p;
            while (q < m.length() && q - p < 4 && Character.isLowerCase(m.charAt(q))) {
                q++;
            }
            int r = q < m.length() && (m.charAt(q) == '-' || m.charAt(q) == ' ') ? q + 1 : q;
            p = q > p && r < m.length() && Character.isUpperCase(m.charAt(r))
                    && AnswerLanguages.glue().contains(low.substring(p, q)) ? r : p;
            while (p < m.length() && "-(*".indexOf(m.charAt(p)) >= 0) {
                p++;
            }
            return p < m.length() && Character.isUpperCase(m.charAt(p))
                    && (p + 1 == m.length() || !Character.isLetter(m.charAt(p + 1)));
        }

        /** The text of the sentence before a position, back to the last terminator. */
        private int sentenceStart(int i, int max) {
            int from = Math.max(0, i - max);
            for (int j = i - 1; j >= from; j--) {
                char c = m.charAt(j);
                if (TERMINATORS.indexOf(c) >= 0) {
                    // "A. Mars" and "3.5" are not sentence ends; a newline after "Answer:" does not end it
                    if (c == '.' && j + 1 < m.length() && !Character.isWhitespace(m.charAt(j + 1))) {
                        continue;
                    }
                    if (c == '\n' && low.substring(from, j).strip().endsWith(":")) {
                        continue;
                    }
                    return j + 1;
                }
            }
            return from;
        }

        /**
         * In the rest of its sentence after the mention, a word that calls it right or hedges it ("だと思います",
         * "possono essere considerate corrette").
         */
        private boolean offered(Mention x) {
            int to = x.end;
            while (to < low.length() && to < x.end + 48 && TERMINATORS.indexOf(low.charAt(to)) < 0) {
                to++;
            }
            String near = low.substring(x.end, Math.min(to, x.end + 12));
            if (hasWord(near, Kind.CORRECT) || hasWord(near, Kind.HEDGE)) {
                return true;
            }
            // further on, only a long predicate: "… possono essere considerate corrette", not a copula "です"
            AnswerLanguages.Lexicon correct = AnswerLanguages.lexicon(Kind.CORRECT);
            for (int at = x.end; at < to; at++) {
                String w = correct.at(low, at);
                if (w != null && w.length() >= 6 && boundaryBefore(low, at, w) && endsWord(low, at + w.length(), w)) {
                    return true;
                }
            }
            return false;
        }

        /** No sentence with words in it follows the one that holds the mention. */
        private boolean inLastSentence(Mention x) {
            for (int j = x.end; j < m.length(); j++) {
                if (TERMINATORS.indexOf(m.charAt(j)) >= 0 && m.substring(j).chars().anyMatch(Character::isLetter)
                        && !(m.charAt(j) == '.' && j + 1 < m.length() && !Character.isWhitespace(m.charAt(j + 1)))) {
                    return false;
                }
            }
            return true;
        }

        /** The mention ends the answer: at most its predicate ("입니다", "है") follows it. */
        private boolean closes(Mention x) {
            String rest = low.substring(Math.max(x.end, x.afterEnd)).strip();
            return rest.isEmpty() || (rest.split("\\s+").length <= 1 && rest.length() <= 8);
        }

        private static boolean boundaryBefore(String s, int at, String word) {
            if (at == 0 || isCjk(word.charAt(0)) || !isWordChar(word.charAt(0))) {
                return true;
            }
            return !isWordChar(s.charAt(at - 1));
        }

        private boolean containsMention(int from, int to) {
            for (int j = from; j < to; j++) {
                if (isMask(m.charAt(j), n) || isLetterMention(j)) {
                    return true;
                }
            }
            return false;
        }

        private void classifyBefore(Mention x) {
            int s = sentenceStart(x.start, 60);
            String seg = low.substring(s, x.start);
            // negation just before: "not A", "not option A", "rather than (A)"
            String tail = seg.stripTrailing();
            while (!tail.isEmpty() && "([\"'«“".indexOf(tail.charAt(tail.length() - 1)) >= 0) {
                tail = tail.substring(0, tail.length() - 1).stripTrailing();
            }
            String option = AnswerLanguages.lexicon(Kind.OPTION).endOf(tail);
            if (option != null) {
                tail = tail.substring(0, tail.length() - option.length()).stripTrailing();
            }
            // "non la B", "pas la B", "nicht die C": an article between the negation and the letter
            String article = AnswerLanguages.lexicon(Kind.ARTICLE_BEFORE).endOf(tail);
            String bare = article == null ? tail : tail.substring(0, tail.length() - article.length()).stripTrailing();
            if (AnswerLanguages.lexicon(Kind.NOT).endOf(tail) != null || wrongHeading(tail)
                    || article != null && AnswerLanguages.lexicon(Kind.NOT).endOf(bare) != null
                    || negatedReference(x, tail)
                    // "Many think it's Sydney, but …", "很多人以为是悉尼（A）": other people's answer, set aside
                    || hasWord(seg.substring(clauseStart(seg, seg.length())), Kind.OTHERS_THINK)) {
                x.negative = true;
                return;
            }
            for (int at = seg.length() - 1; at >= 0; at--) {
                final int pos = at;
                String w = BEFORE.lexicon.at(seg, at, c -> boundaryBefore(seg, pos, c)
                        && (endsWord(low, s + pos + c.length(), c) || (c.length() >= 4
                                && (BEFORE.kind(c) == Kind.ANSWER || BEFORE.kind(c) == Kind.OPTION))));
                if (w == null) {
                    continue;
                }
                for (int p = Math.max(0, at - 24); p < at; p++) {
                    final int q = p;
                    String wider = BEFORE.lexicon.at(seg, p, c -> boundaryBefore(seg, q, c)
                            && endsWord(low, s + q + c.length(), c));
                    if (wider != null && BEFORE.kind(wider) == Kind.HEDGE && p + wider.length() >= pos + w.length()) {
                        w = wider; // "could also be C": the word ("also", German for "so") is inside a longer hedge
                        at = p;
                        break;
                    }
                }
                Kind k = BEFORE.kind(w);
                if (k != Kind.RETRACT && (insideNotConclusion(seg, at, w.length())
                        || hasWord(seg.substring(clauseStart(seg, at), at), Kind.NOT_CONCLUSION))) {
                    continue; // "之所以电线普遍用铜，是因为…", "之所以很多人选铜": the reason why, neither concluded nor chosen
                }
                if (k == Kind.RETRACT && mentions.stream().noneMatch(y -> y.end <= s + pos)) {
                    continue; // "抱歉，我无法…": a correction corrects something named before it, else it is an apology
                }
                int gapFrom = s + at + w.length();
                if (!endsWord(low, gapFrom, w)) {
                    while (gapFrom < x.start && Character.isLetter(low.charAt(gapFrom)) && !isCjk(low.charAt(gapFrom))) {
                        gapFrom++; // the word's own ending: "options", "answers", "відповіддю"
                    }
                }
                String gap = low.substring(gapFrom, x.start);
                // "… digo, la B": a correction word may be set off by a comma before the letter it corrects to
                String inner = k == Kind.RETRACT && gap.matches("\\s*[,，、]\\s*\\p{L}{0,4}\\s*") ? "" : gap;
                if (gap.length() > 32 || containsMention(gapFrom, x.start) || gap.chars().anyMatch(Character::isDigit)
                        || inner.indexOf(',') >= 0 || gap.indexOf(';') >= 0 || gap.indexOf('،') >= 0
                        || gap.strip().split("\\s+").length > 6) {
                    continue;
                }
                if (k == Kind.OPTION && gap.chars().noneMatch(Character::isLetter)) {
                    continue; // "option A" only names it
                }
                String noun = k == Kind.OPTION ? AnswerLanguages.lexicon(Kind.OPTION).endOf(seg.substring(0, at + w.length())) : null;
                int nounAt = noun == null ? at : at + w.length() - noun.length(); // 選択肢, not its last character 肢
                if (k == Kind.OPTION && (AnswerLanguages.lexicon(Kind.OTHERS).endOf(seg.substring(0, nounAt).stripTrailing()) != null
                        || AnswerLanguages.lexicon(Kind.OTHERS).at(gap.stripLeading(), 0) != null)) {
                    continue; // "ほかの選択肢は、2.71 が…", "the other options: 2.71 is e": the ones not chosen
                }
                if (k == Kind.OPTION && (x.lineStartLabel || x.text) && gap.indexOf('\n') >= 0) {
                    continue; // "선택지를 다시 정리하면:\nA) 수성", "The options are:\n- Mars": listed on the lines after it
                }
                if (hasWord(gap, Kind.NOT)) {
                    x.negative = true;
                    return;
                }
                x.strong = true;
                x.answerWord = k == Kind.ANSWER;
                x.tentative = k == Kind.HEDGE;
                x.initial = x.tentative && hasWord(seg, Kind.INITIAL);
                String beforeIt = gap.strip();
                String or = AnswerLanguages.lexicon(Kind.OR).endOf(beforeIt);
                // "maybe two hearts or three": the hedge names something else just before "or"
                x.alternative = x.tentative && or != null && beforeIt.length() > or.length()
                        && beforeIt.substring(0, beforeIt.length() - or.length()).chars().anyMatch(Character::isLetter);
                x.conclusive = k == Kind.CONCLUDE || k == Kind.RETRACT || w.contains("final")
                        || hasWord(seg.substring(0, at), Kind.CONCLUDE) || hasWord(seg.substring(0, at), Kind.RETRACT);
                return;
            }
        }

        /** Where the clause holding {@code at} starts in {@code seg}: after the last clause break before it. */
        private static int clauseStart(String seg, int at) {
            for (int k = at - 1; k >= 0; k--) {
                if (CLAUSE_BREAKS.indexOf(seg.charAt(k)) >= 0) {
                    return k + 1;
                }
            }
            return 0;
        }

        /** The word at {@code at} of {@code len} chars lies inside a phrase of {@link Kind#NOT_CONCLUSION} ("之所以"). */
        private static boolean insideNotConclusion(String seg, int at, int len) {
            for (int p = Math.max(0, at - 8); p <= at; p++) {
                String phrase = AnswerLanguages.lexicon(Kind.NOT_CONCLUSION).at(seg, p);
                if (phrase != null && p + phrase.length() >= at + len) {
                    return true;
                }
            }
            return false;
        }

        /**
         * "Not correct: B", "Falsch: A", "不正解の選択肢：C": a short heading before a colon that calls what follows it
         * wrong rules the letter out.
         */
        private static boolean wrongHeading(String tail) {
            if (tail.isEmpty() || (tail.charAt(tail.length() - 1) != ':' && tail.charAt(tail.length() - 1) != '：')) {
                return false;
            }
            String heading = tail.substring(0, tail.length() - 1).strip();
            int eol = heading.lastIndexOf('\n');
            heading = heading.substring(eol + 1);
            boolean cjk = !heading.isEmpty() && isCjk(heading.charAt(0));
            return !heading.isEmpty() && (cjk ? heading.length() <= 10 : heading.split("\\s+").length <= 4)
                    && hasWord(heading, Kind.WRONG);
        }

        /** A word ends at {@code end}: the next character is not a letter, or the word is CJK. */
        private static boolean endsWord(String s, int end, String w) {
            char last = w.charAt(w.length() - 1);
            return end >= s.length() || !isWordChar(s.charAt(end)) || isCjk(last) || !isWordChar(last)
                    || isCjk(s.charAt(end));
        }

        private static boolean hasWord(String gap, Kind kind) {
            AnswerLanguages.Lexicon lexicon = AnswerLanguages.lexicon(kind);
            for (int at = 0; at < gap.length(); at++) {
                String w = lexicon.at(gap, at);
                if (w == null) {
                    continue;
                }
                int end = at + w.length();
                boolean endOk = end >= gap.length() || !isWordChar(gap.charAt(end)) || isCjk(w.charAt(w.length() - 1));
                if (boundaryBefore(gap, at, w) && endOk) {
                    return true;
                }
            }
            return false;
        }

        /** A mention starts at {@code from}, after spaces and an article (the letter a negation just before goes with). */
        private boolean letterNext(int from) {
            int k = from;
            while (k < m.length() && m.charAt(k) == ' ') {
                k++;
            }
            String article = k > from && k < m.length() ? AnswerLanguages.lexicon(Kind.ARTICLE_BEFORE).at(low, k) : null;
            if (article != null && k + article.length() < m.length() && m.charAt(k + article.length()) == ' ') {
                k += article.length() + 1; // "la D, no la A"
            }
            return k > from && k < m.length() && containsMention(k, k + 1);
        }

        private void classifyAfter(Mention x) {
            if (x.negative) {
                return;
            }
            int j = x.end;
            // "24 €... no, …", "B… no": an ellipsis does not end the sentence before the predicate
            while (j < m.length() && (" ,:;)]-–—\"'»”…".indexOf(m.charAt(j)) >= 0
                    || (m.charAt(j) == '.' && m.startsWith("..", j > x.end && m.charAt(j - 1) == '.' ? j - 1 : j)))) {
                j++;
            }
            int to = j;
            while (to < m.length() && to - j < 40 && TERMINATORS.indexOf(m.charAt(to)) < 0) {
                to++;
            }
            // "Bです。", "C번입니다." keep the full stop that follows a predicate
            String window = low.substring(j, Math.min(m.length(), to + 1));
            int bestLen = 0;
            Kind best = null;
            Kind bestKind = null;
            String bestWord = null;
            // "로마가 아닙니다", "A는 틀렸습니다": a particle and a space between the mention and its predicate
            int lead = 0;
            for (String particle : AnswerLanguages.particles(lang)) {
                if (particle.length() <= 2 && window.startsWith(particle + " ")) {
                    lead = particle.length() + 1;
                    break;
                }
            }
            for (int at = 0; at < window.length() && at <= 16 && best == null; at++) {
                final int pos = at;
                // "no es" is not inside "no estoy": a Latin-script or short predicate ends on a word boundary
                String w = AFTER.lexicon.at(window, at, c -> {
                    boolean bounded = (c.length() <= 3 && !isCjk(c.charAt(0))) || isLatin(c.charAt(c.length() - 1));
                    int end = pos + c.length();
                    return !bounded || end >= window.length() || !isWordChar(window.charAt(end));
                });
                if (w == null || w.length() <= bestLen) {
                    continue;
                }
                Kind k = AFTER.kind(w);
                // after other words ("B is definitely correct") only a long predicate counts, two words at most
                if (at > 0 && at != lead && (w.length() < 5 || window.substring(0, at).strip().split("\\s+").length > 2)) {
                    continue;
                }
                if (boundaryBefore(window, at, w) && !containsMention(j, j + at)) {
                    bestLen = w.length();
                    bestKind = k;
                    bestWord = w;
                    x.postAt = at;
                    x.afterEnd = j + at + w.length();
                }
                best = bestKind;
            }
            if (best == Kind.WRONG && headingColon(x.afterEnd)) {
                best = null; // "B. Jupiter. Wrong options: A": a heading over the letters after it, not about B
                x.postAt = -1;
                x.afterEnd = -1;
            }
            if (best == Kind.WRONG && questionMark(x.end) >= 0 && tagged(x.end, questionMark(x.end))) {
                best = null; // "C, isn't it?", "B, is it not?": the negation is the tag's, the letter is stated
                x.postAt = -1;
                x.afterEnd = -1;
            }
            if (best == Kind.WRONG && NOT_WORDS.contains(bestWord) && letterNext(x.afterEnd)) {
                best = null; // "התשובה B, לא C", "A, не C": the negation goes with the letter after it, not B
                x.postAt = -1;
                x.afterEnd = -1;
            }
            if (best == Kind.WRONG && (CONDITIONS.contains(bestWord) && x.postAt == 0
                    || x.postAt > 0 && hasWord(window.substring(0, x.postAt), Kind.CONDITION))
                    && m.substring(x.end, j).chars().anyMatch(c -> c == ',' || c == ';')) {
                // "c'est C ; si c'est la pression, …", "es la C, si …": after a clause break a word that is both a
                // negation (Swahili "si") and a condition (French, Spanish "si") opens the next clause, as does a
                // condition before the word ("è C, se invece …": the "invece" is the next clause's)
                best = null;
                x.postAt = -1;
                x.afterEnd = -1;
            }
            if (best == Kind.CORRECT && bestLen < 5 && (x.text || reference(x))) {
                best = null; // "Èkó (A) ni …", "ATP ni …": a copula after a name describes it, it does not choose it
            }
            if (best == Kind.RETRACT && x.postAt > 0 && OR_WORDS.contains(window.substring(0, x.postAt).strip())) {
                best = null; // "B, or actually C": B is not withdrawn but offered beside C (see stated)
                x.postAt = -1;
                x.afterEnd = -1;
            }
            if (best == Kind.WRONG || best == Kind.RETRACT) {
                x.negative = true;
                x.strong = false;
            } else if (best == Kind.CORRECT) {
                x.strong = true;
                x.tentative = x.initial; // "Mo kọ́kọ́ rò pé A ni": what was first thought stays offered only
            } else if (best == Kind.HEDGE_AFTER) {
                x.strong = true; // "A일 수도 있고", "Cかもしれない": offered, hedged
                x.tentative = true;
            }
        }

        /**
         * A colon follows at {@code at} within a few words ("Incorrect options: A"), before any sentence end or
         * mention: the words before it head what comes after.
         */
        private boolean headingColon(int at) {
            for (int k = Math.max(0, at); k < m.length() && k < at + 30; k++) {
                char c = m.charAt(k);
                if (c == ':' || c == '：') {
                    return labelsAfter(k + 1); // "B is wrong: Venus has no moons" says why, it heads nothing
                }
                if (TERMINATORS.indexOf(c) >= 0 || isMask(c, n) || isLetterMention(k)) {
                    return false;
                }
            }
            return false;
        }

        /** The letter of the option a text names was ruled out before it, and not stated since. */
        private boolean ruledOutBefore(Mention t) {
            Mention latest = null;
            for (Mention y : mentions) {
                if (!y.text && y.option == t.option && y.start < t.start && (latest == null || y.start > latest.start)) {
                    latest = y;
                }
            }
            if (latest == null || !latest.negative) {
                return false;
            }
            // "B is wrong … Actually, no — … The answer is Venus": a correction, an answer word or a conclusion
            // between them, or more than one sentence, and the text is stated again
            String between = low.substring(Math.max(latest.end, latest.afterEnd), t.start);
            long breaks = between.chars().filter(c -> TERMINATORS.indexOf(c) >= 0).count();
            return breaks <= 1 && !hasWord(between, Kind.RETRACT) && !hasWord(between, Kind.ANSWER)
                    && !hasWord(between, Kind.CONCLUDE) && !hasWord(between, Kind.CORRECT) && !t.answerWord;
        }

        /** A label follows within a few characters, before a sentence ends: the colon before heads a list of them. */
        private boolean labelsAfter(int from) {
            for (int k = from; k < m.length() && k < from + 12; k++) {
                if (isLetterMention(k)) {
                    return true;
                }
                if (TERMINATORS.indexOf(m.charAt(k)) >= 0) {
                    return false;
                }
            }
            return false;
        }

        /** "Noun (A)": a letter in brackets after a word names what the word is, as a reference. */
        /**
         * "No es el Atlántico (A) sino …", "Siyo moyo (A) — ni ini, B", "Non è il fegato (A): …": a letter in brackets
         * after a short phrase that opens its clause with a negation is ruled out with the thing it refers to.
         */
        private boolean negatedReference(Mention x, String tail) {
            if (!reference(x)) {
                return false;
            }
            int from = 0;
            for (int k = tail.length() - 1; k >= 0; k--) {
                if (",;:—–\n".indexOf(tail.charAt(k)) >= 0 || TERMINATORS.indexOf(tail.charAt(k)) >= 0) {
                    from = k + 1;
                    break;
                }
            }
            String clause = tail.substring(from).strip();
            if (clause.isEmpty() || clause.split("\\s+").length > 4) {
                return false;
            }
            String not = AnswerLanguages.lexicon(Kind.NOT).at(clause, 0);
            return not != null && not.length() < clause.length() && clause.charAt(not.length()) == ' ';
        }

        private boolean reference(Mention x) {
            int j = x.start - 1;
            if (j < 0 || (m.charAt(j) != '(' && m.charAt(j) != '（')) {
                return false;
            }
            j--;
            while (j >= 0 && m.charAt(j) == ' ') {
                j--;
            }
            return j >= 0 && (Character.isLetter(m.charAt(j)) || isMask(m.charAt(j), n));
        }

        /** Two mentions joined by a connector ("A or C", "A and C", "A/C", "A 或 C"). */
        private boolean joined(Mention a, Mention b) {
            if (b.start - a.end > 24) {
                return false;
            }
            String gap = low.substring(a.end, b.start);
            for (int k = 0; k < gap.length(); k++) {
                if (TERMINATORS.indexOf(gap.charAt(k)) >= 0) {
                    return false;
                }
            }
            String core = gap.replaceAll("^[\\s,،，()\\[\\]]+|[\\s,،()\\[\\]\\-]+$", "");
            if (core.startsWith("either ")) {
                core = core.substring(7);
            }
            for (String glue : AnswerLanguages.glue()) {
                if (core.endsWith(" " + glue)) {
                    core = core.substring(0, core.length() - glue.length() - 1); // "ngu-C noma ngu-D"
                }
            }
            int space = core.lastIndexOf(' ');
            if (gap.stripTrailing().endsWith("-") && space > 0
                    && AnswerLanguages.nounPrefixes(lang).contains(core.substring(space + 1))) {
                core = core.substring(0, space); // "ingu-A noma u-B", "ngu-C noma i-D": a noun-class prefix on the letter
            }
            if (core.isEmpty()) {
                // "A, B and C": a comma joins only inside a list that a connector closes
                return LIST_COMMAS.contains(gap.strip()) && (listClosedAfter(b) || givenTogether(a, b));
            }
            if (core.endsWith(" option") || core.endsWith(" also")) {
                core = core.substring(0, core.lastIndexOf(' '));
            }
            return OR_WORDS.contains(core);
        }

        /**
         * Two letters as the ends of a range: joined by a hyphen, en dash or tilde ("A–D", "A-C"; spaced, "A – D",
         * only when a letter lies between them, as "A – B" may be a correction), the first before the second, or by
         * a word of the data's {@code range} from the first option to the last ("A to D", "de A a D", "AからD").
         */
        private boolean ranged(Mention a, Mention b) {
            if (a.text || b.text || b.option <= a.option || b.start - a.end > 12) {
                return false;
            }
            String gap = low.substring(a.end, b.start);
            String core = gap.strip();
            for (String glue : AnswerLanguages.glue()) {
                if (core.endsWith(" " + glue + "-") || core.endsWith(" " + glue)) {
                    core = core.substring(0, core.lastIndexOf(' ')).strip(); // "ku-A kuya ku-D"
                }
            }
            if (RANGE_DASHES.contains(core)) {
                return gap.equals(core) || b.option - a.option >= 2;
            }
            // a word only for the whole set: "from A to C" may be a correction ("AからCに訂正")
            return a.option == 0 && b.option == n - 1 && n > 2 && RANGE_WORDS.contains(core);
        }

        /**
         * "Answer: A, B", "**Answer: A, C, D**" or "The answer is A, C, D." closing its line: letters given together
         * after a label's colon or an answer word, several answers.
         */
        private boolean givenTogether(Mention a, Mention b) {
            String before = m.substring(0, a.start).replaceFirst("[\\s\\[(\"'“«]*$", "");
            if (a.text || b.text || !(before.endsWith(":") || before.endsWith("：") || a.answerWord)) {
                return false;
            }
            int eol = m.indexOf('\n', b.end);
            String rest = m.substring(b.end, eol < 0 ? m.length() : eol);
            // more letters of the same list ("…, D"), then at most a closing bracket or quote, a full stop or "!",
            // the emphasis that closes the line and a remark in brackets ("(all three)")
            return rest.matches("(\\s*[,،、，]\\s*[A-Z])*\\s*[\\])\"'”»]?\\s*[*_]*\\s*[.。!！]?\\s*[*_]*\\s*"
                    + "(?:[(（][^()（）]{0,40}[)）][.。]?)?\\s*");
        }

        /** After {@code b}, more comma-separated letters and then a connector and a letter ("B, C or D"). */
        private boolean listClosedAfter(Mention b) {
            int j = b.end;
            for (int hops = 0; hops < 6; hops++) {
                int k = j;
                while (k < m.length() && " ,()".indexOf(m.charAt(k)) >= 0) {
                    k++;
                }
                String rest = low.substring(k, Math.min(low.length(), k + 16));
                String connector = AnswerLanguages.lexicon(Kind.OR).at(rest.isEmpty() ? " " : rest, 0);
                if (connector != null && endsWord(rest, connector.length(), connector)) {
                    int after = k + connector.length();
                    while (after < m.length() && (m.charAt(after) == ' ' || m.charAt(after) == '-')) {
                        after++;
                    }
                    return after < m.length() && (isLetterMention(after) || isMask(m.charAt(after), n));
                }
                if (k > j && k < m.length() && isLetterMention(k) && low.substring(j, k).strip().equals(",")) {
                    j = k + 1;
                    continue;
                }
                return false;
            }
            return false;
        }

        /** Where the answer says no option is right or declines, the end of the last such phrase; -1 if nowhere. */
        // none and refusal phrases are searched in the masked text and in the plain one: an option's text ("No",
        // "Keine") may be part of them
        private static int phraseEndIn(Kind kind, String s) {
            AnswerLanguages.Lexicon lexicon = AnswerLanguages.lexicon(kind);
            int end = -1;
            for (int at = 0; at < s.length(); at++) {
                String w = lexicon.at(s, at);
                if (w != null && boundaryBefore(s, at, w)) {
                    end = at + w.length();
                }
            }
            return end;
        }

        /** Where the last refusal ends, or -1. */
        private static int refusalEnd(String s) {
            AnswerLanguages.Lexicon lexicon = AnswerLanguages.lexicon(Kind.REFUSE);
            int end = -1;
            for (int at = 0; at < s.length(); at++) {
                String w = lexicon.at(s, at);
                // "non so" is not inside "non sono": a Latin-script phrase ends on a word boundary
                if (w != null && boundaryBefore(s, at, w)
                        && !(isLatin(w.charAt(w.length() - 1)) && !endsWord(s, at + w.length(), w))) {
                    end = at + w.length();
                }
            }
            return end;
        }

        /**
         * A long reply that stops mid-sentence (no closing punctuation, last word unfinished or a comma) without
         * having stated an answer was cut off, whatever the stop reason says.
         */
        private boolean endsMidSentence() {
            String t = m.stripTrailing();
            String lastLine = t.substring(t.lastIndexOf('\n') + 1).strip();
            boolean cjk = !lastLine.isEmpty() && isCjk(lastLine.charAt(lastLine.length() - 1));
            if (t.length() < (cjk ? 30 : 60)) {
                return false; // CJK says in 30 characters what takes 60 in spaced scripts
            }
            if (cjk ? lastLine.length() < 15 : lastLine.split("\\s+").length < 5) {
                return false; // "D) Venus - incorrect": the last item of a list, not a sentence cut off
            }
            char last = t.charAt(t.length() - 1);
            return (Character.isLetter(last) || ",;:，、(（-–—=+×".indexOf(last) >= 0 || Character.getType(last) == Character.NON_SPACING_MARK
                    || Character.getType(last) == Character.COMBINING_SPACING_MARK)
                    && !(last >= 'A' && last <= 'Z' && isLetterMention(t.length() - 1))
                    && !(last >= 'a' && last <= 'z' && mentions.stream().anyMatch(x -> x.start == t.length() - 1));
        }

        Extraction decide(String text, List<String> choices) {
            Extraction e = decideChoice(text, choices);
            if (!(e instanceof Extraction.Choice c)) {
                return e;
            }
            // every label of the chosen letter carries another option's text and none its own: it says two things
            int other = -1;
            for (Mention x : mentions) {
                if (!x.text && x.option == c.index()) {
                    if (x.agrees) {
                        return c;
                    }
                    if (x.disagrees >= 0 && AnswerLanguages.fold(choices.get(x.disagrees)).strip().length() >= 2) {
                        other = x.disagrees;
                    }
                }
            }
            if (other < 0) {
                return c;
            }
            String excerpt = choices.get(other).strip().replaceAll("\\s+", " ");
            return new Extraction.Unparseable("the letter and the option text disagree: " + (char) ('A' + c.index())
                    + " is given with the text of option " + (char) ('A' + other) + " (\""
                    + (excerpt.length() <= 40 ? excerpt : excerpt.substring(0, 40) + "…") + "\")");
        }

        private Extraction decideChoice(String text, List<String> choices) {
            Extraction read = read(text, choices);
            String plain = lower(text);
            int none = Math.max(phraseEndIn(Kind.NONE, low), phraseEndIn(Kind.NONE, plain));
            int refuse = Math.max(refusalEnd(low), refusalEnd(plain));
            if (read instanceof Extraction.Choice c && (none >= 0 || refuse >= 0)) {
                Mention last = lastStrong();
                // after a refusal, an option's text in the prose ("… whether someone is guilty" beside an option
                // "whether") states nothing, not even after a short conclusion word ("so", and Yoruba "sọ", say,
                // folds to it): a label, or a text after an answer word, does
                // after it, in a clause of its own: in "I won't pick B" the letter is what is declined
                // an option's text in quotes inside a sentence after a refusal ("a plain answer «no» would not say
                // why") is discussed, and answers under two conditions after it ("if you mean the winner, it is A;
                // if … it may be B") give none; "if I had to choose, B" commits
                boolean statedAfterRefusal = last != null && last.start > refuse && (!last.text || last.answerWord)
                        && !(last.text && quoted(last)) && !conditionalAlternatives(last, refuse)
                        && clauseBetween(refuse, last.start);
                // "… so none of them fit. … Answer: B": an answer stated in the closing sentence, after the "none"
                boolean statedAfterNone = last != null && last.start > none && (last.conclusive || (last.answerWord
                        && closes(last)));
                if (none >= 0 && !statedAfterNone) {
                    return new Extraction.Unparseable("the answer says none of the options is right");
                }
                if (refuse >= 0 && !statedAfterRefusal && none < 0) {
                    return new Extraction.Unparseable("the model declined to answer");
                }
                return c;
            }
            if (read instanceof Extraction.Choice && ownOptions()) {
                return new Extraction.Unparseable("the reply answers a question of its own: the options it lists under "
                        + "A, B, C … are numbers none of which is an option of the question");
            }
            if (read instanceof Extraction.Choice c) {
                Mention kept = reconsiderationSetAside(c.index());
                if (kept != null) {
                    return new Extraction.Choice(kept.option, "answer-kept");
                }
            }
            if (read instanceof Extraction.Choice c && onlyAsked(c.index())) {
                return new Extraction.Unparseable("a question back: the option is named only in a question (\"Is it "
                        + (char) ('A' + c.index()) + "?\"), no answer stated");
            }
            if (read instanceof Extraction.Choice c && ruledOutAfterCorrection(c.index())) {
                return new Extraction.Unparseable("the reply takes its answer back: after a correction (\"wait\", "
                        + "\"on second look\") it rules " + (char) ('A' + c.index()) + " out and states no other");
            }
            if (read instanceof Extraction.Choice c && withdrawnWithNo(c.index())) {
                return new Extraction.Unparseable("the reply takes its answer back (\"" + (char) ('A' + c.index())
                        + ". Wait, no.\") and states no other");
            }
            if (read instanceof Extraction.Choice c && onlyFirstThought(c.index())) {
                return new Extraction.Unparseable("the option is named only as an earlier or others' thought (\"at "
                        + "first I thought " + (char) ('A' + c.index()) + "\", \"many people pick "
                        + (char) ('A' + c.index()) + "\"), no answer stated");
            }
            if (read instanceof Extraction.Choice c && unsureAfter(c.index())) {
                return new Extraction.Unparseable("the reply takes its answer back: it ends saying it is not sure");
            }
            if (read instanceof Extraction.Choice && endsMidSentence()) {
                return new Extraction.Unparseable(Extraction.TRUNCATED + ": the reply stops mid-sentence, cut off (no "
                        + "token-limit stop reported), so it is not read; raise clp.max-tokens if replies are cut off");
            }
            return read;
        }

        /** A sentence end, a clause break or a colon between two places of the answer. */
        private boolean clauseBetween(int from, int to) {
            for (int k = Math.max(0, from); k < to && k < m.length(); k++) {
                char ch = m.charAt(k);
                if (TERMINATORS.indexOf(ch) >= 0 || CLAUSE_BREAKS.indexOf(ch) >= 0 || ch == ':' || ch == '：') {
                    return true;
                }
            }
            return false;
        }

        /**
         * The mention stands between quotation marks («ні», "no", „nein“, 「はい」) and its sentence goes on after them:
         * discussed ("a plain answer «no» would not say why"), not stated ("The answer is «no».").
         */
        private boolean quoted(Mention x) {
            String quotes = "\"'«»“”„‘’‚「」『』";
            if (x.start == 0 || x.end >= m.length() || quotes.indexOf(m.charAt(x.start - 1)) < 0
                    || quotes.indexOf(m.charAt(x.end)) < 0) {
                return false;
            }
            String rest = m.substring(x.end + 1).stripLeading();
            return !rest.isEmpty() && TERMINATORS.indexOf(rest.charAt(0)) < 0;
        }

        /** {@code x} and another option's letter after {@code from} each hold under a condition of their sentence. */
        private boolean conditionalAlternatives(Mention x, int from) {
            if (!conditional(x)) {
                return false;
            }
            for (Mention y : mentions) {
                if (y != x && y.start > from && y.option != x.option && !y.negative && conditional(y)) {
                    return true;
                }
            }
            return false;
        }

        private Mention lastStrong() {
            Mention last = null;
            for (Mention x : mentions) {
                if (x.strong && !x.negative) {
                    last = x;
                }
            }
            return last;
        }

        private Extraction read(String text, List<String> choices) {
            String stripped = m.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || isMask((char) cp, n))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (stripped.length() == 1 && Character.isLetter(stripped.charAt(0)) && stripped.charAt(0) < 128) {
                return inRange(stripped.toUpperCase(Locale.ROOT), n, "letter");
            }
            if (stripped.length() == 1 && isMask(stripped.charAt(0), n)) {
                return new Extraction.Choice(stripped.charAt(0) - MASK, "option-text");
            }
            if (stripped.length() == 2 && stripped.charAt(0) >= 'A' && stripped.charAt(0) <= 'Z'
                    && stripped.charAt(1) == MASK + (stripped.charAt(0) - 'A')) {
                return inRange(stripped.substring(0, 1), n, "letter");
            }
            if (BARE_LETTERS.matcher(m).matches()) {
                Set<Integer> given = new TreeSet<>();
                m.chars().filter(c -> c >= 'A' && c <= 'Z').forEach(c -> given.add(c - 'A'));
                if (given.size() > 1) {
                    return ambiguous("only letters given, several of them (\"B, D\")", given);
                }
            }
            // "B肯定不对，金星没有天然卫星", "B is wrong. Venus has no moons.": the text of an option after its letter was
            // ruled out says why it is wrong
            List<Mention> positive = mentions.stream().filter(x -> !x.negative && !(x.text && ruledOutBefore(x))).toList();
            List<Mention> strong = positive.stream().filter(x -> x.strong).toList();
            Mention after = strong.isEmpty() ? null : afterInitialThought(strong.get(strong.size() - 1), positive);
            if (after != null) {
                List<Mention> more = new ArrayList<>(strong);
                more.add(after);
                strong = more;
            }
            Mention answerLine = answerParagraph();
            if (answerLine != null) {
                return new Extraction.Choice(answerLine.option, "answer-line");
            }
            if (!strong.isEmpty()) {
                Mention label = answeredWithItsText(strong);
                return label != null ? new Extraction.Choice(label.option, "label") : stated(strong);
            }
            List<Mention> letters = positive.stream().filter(x -> !x.text && x.option < n).toList();
            Mention leading = letters.stream().filter(x -> x.leading && x.next == null).findFirst().orElse(null);
            if (leading != null) {
                // "① 태권도 — …\n② 씨름 — …": other labels opening lines, with or without punctuation, are a listing
                boolean listing = letters.stream().anyMatch(x -> x != leading && x.option != leading.option
                        && (x.lineStartLabel || opensLine(x)));
                // "A — the gecko is a reptile. B (bat) and C (dolphin) are mammals": letters joined in a later
                // sentence that calls neither right explain, as long as no letter is listed on a line of its own
                int firstEnd = sentenceEnd(leading.end);
                boolean otherLabels = letters.stream().anyMatch(x -> x != leading && x.option != leading.option
                        && x.prev != null && (x.start < firstEnd || x.strong || x.tentative || x.prev.strong));
                if (!listing && !otherLabels) {
                    return new Extraction.Choice(leading.option, "leading-label");
                }
            }
            Mention headline = headline(positive);
            if (headline != null) {
                return new Extraction.Choice(headline.option, "headline");
            }
            Set<Integer> named = new TreeSet<>();
            letters.forEach(x -> named.add(x.option));
            if (named.size() == 1) {
                return new Extraction.Choice(named.iterator().next(), "label");
            }
            if (named.size() > 1) {
                return ambiguous("several options named", named);
            }
            if (questionBack()) {
                // "Do you mean by day or by night? …": the reply asks back; an option's text in the remark after it
                // is not chosen
                return new Extraction.Unparseable("a question back, no answer stated");
            }
            Set<Integer> texts = new TreeSet<>();
            positive.stream().filter(x -> x.text).forEach(x -> texts.add(x.option));
            Mention firstText = positive.stream().filter(x -> x.text).findFirst().orElse(null);
            if (texts.size() > 1 && firstText != null && firstText.next == null
                    && m.substring(0, firstText.start).strip().split("\\s+").length <= 2
                    && !asked(firstText)
                    && !firstText.series
                    && choices.get(firstText.option).strip().length() > 1
                    && mentions.stream().noneMatch(x -> x.text && x.option == firstText.option && x.negative)
                    && !contrasted(firstText, positive)) {
                return new Extraction.Choice(firstText.option, "leading-option-text"); // "Kiboko ndiye …; kifaru na nyati …"
            }
            if (texts.size() == 1) {
                return new Extraction.Choice(texts.iterator().next(), "option-text");
            }
            if (texts.size() > 1) {
                return ambiguous("the texts of several options named", texts);
            }
            if (mentions.stream().anyMatch(x -> x.hypothetical)) {
                return new Extraction.Unparseable("an option named only under a counterfactual (… would have been …), "
                        + "none chosen");
            }
            if (mentions.stream().anyMatch(x -> x.negative)) {
                return new Extraction.Unparseable("options ruled out, none chosen");
            }
            Integer fuzzy = fuzzyOptionText(lang, text, choices);
            if (fuzzy != null) {
                return new Extraction.Choice(fuzzy, "option-text");
            }
            Integer lastWord = lastWordOption(text, choices);
            if (lastWord != null) {
                return new Extraction.Choice(lastWord, "option-last-word");
            }
            return new Extraction.Unparseable("no option letter or option text found");
        }

        /**
         * "Jupiter — option C. For context, Saturn (B) is …", "堪培拉（C）。很多人以为是悉尼（A）…": the reply opens with one
         * option's text and its own label (either first, an option noun between at most) as a sentence of their own,
         * and every letter of another option after it is a reference after that option's own text ("Saturn (B)",
         * "Ag (option A)"): the headline is the answer. Null when that is not the shape.
         */
        private Mention headline(List<Mention> positive) {
            if (mentions.size() < 2) {
                return null;
            }
            Mention first = mentions.get(0);
            Mention second = mentions.get(1);
            if (first.negative || second.negative || first.option >= n || second.option != first.option
                    || first.text == second.text || m.substring(0, first.start).codePoints().anyMatch(Character::isLetterOrDigit)) {
                return null;
            }
            String between = low.substring(first.end, second.start).replaceAll("[\\s\\p{P}]+", " ").strip();
            if (!between.isEmpty() && !between.equals(AnswerLanguages.lexicon(Kind.OPTION).endOf(between))) {
                return null;
            }
            int k = second.text ? second.end : second.start + 1; // a label's span may take in the text after it
            while (k < m.length() && " )）]】".indexOf(m.charAt(k)) >= 0) {
                k++;
            }
            if (k < m.length() && ".。!！।።\n".indexOf(m.charAt(k)) < 0) {
                return null;
            }
            for (Mention x : positive) {
                if (x.start > second.end && !x.text && x.option != first.option && x.option < n && !ownReference(x)) {
                    return null;
                }
            }
            return first;
        }

        /**
         * "Bです。\n\n2は…4と6は…合成数です。", "**Jibu: C (Ngozi)**\n\nKwa nini …", "**D. Au**\n\n**Explanation:** … Ag
         * (option A) …": the reply opens (after a short preamble without options) with a short paragraph that states
         * one option alone, by its letter, and the explanation after a blank line names other options without a
         * conclusion, an answer word, a correction or a closing letter for any of them: the answer line is the answer.
         * A paragraph that only opens a listing of the options ("A. Mars" with B., C. lines after it) is not one.
         * Null when that is not the shape.
         */
        private Mention answerParagraph() {
            if (mentions.size() < 2) {
                return null;
            }
            Mention first = mentions.get(0);
            if (first.option >= n || first.negative || first.tentative || first.hypothetical || first.initial
                    || first.ranged || first.series) {
                return null;
            }
            int ps = 0;
            Matcher blank = BLANK_LINE.matcher(m);
            int pe = -1;
            while (blank.find()) {
                if (blank.end() <= first.start) {
                    ps = blank.end();
                } else if (blank.start() >= first.end) {
                    pe = blank.start();
                    break;
                } else {
                    return null;
                }
            }
            if (pe < 0) {
                return null;
            }
            String before = m.substring(0, ps).strip();
            String paragraph = m.substring(ps, pe);
            if (before.length() > 200 || before.endsWith(":") || before.endsWith("：") || before.indexOf('?') >= 0
                    || paragraph.indexOf('?') >= 0 || paragraph.indexOf('？') >= 0
                    || paragraph.codePoints().filter(c -> Character.isLetterOrDigit(c) || isMask((char) c, n)).count() > 48) {
                return null;
            }
            boolean stated = false;
            boolean opens = false;
            for (Mention x : mentions) {
                if (x.start >= pe) {
                    break;
                }
                if (x.option != first.option || x.negative || x.tentative || x.hypothetical) {
                    return null;
                }
                if (!x.text) {
                    stated |= x.strong;
                    opens |= m.substring(ps, x.start).codePoints().noneMatch(Character::isLetterOrDigit);
                }
            }
            if (!stated && !opens) {
                return null;
            }
            if (correctionOpensSentence(pe - 1)) {
                return null; // "**Answer: B**\n\nWait, …": the answer line is taken back
            }
            Mention last = mentions.get(mentions.size() - 1);
            if (!last.text && last.option != first.option && last.strong && last.start >= pe
                    && m.substring(last.end).matches("[\\s.!?。！？*_)）]*")) {
                return null; // a closing letter of another option
            }
            for (Mention x : mentions) {
                if (x.start < pe || x.option == first.option) {
                    continue;
                }
                if (x.strong && !x.negative && x.prev == null && x.next == null
                        && !(x.lineStartLabel && underOthersHeading(x.start))) {
                    // a later letter of one other option called right, answered or concluded ("B\n\n… C is correct,
                    // since …"): the reply has moved on from its first line ("4と6は…ため" names two, no answer)
                    return null;
                }
                if (!stated && !x.text && !x.negative && opensLine(x) && listing(first, pe)) {
                    return null; // "A. Mars\n\nB. Venus\n\nC. …": a listing, the first item is no answer line
                }
            }
            return first;
        }

        /**
         * The first paragraph's label opens a listing of the options: the next paragraph opens with another label
         * ("A. Mars\n\nB. Venus …"), or the label opens a line again later. "**D. 100 °C**\n\nCorrect — …\n\n- A: too
         * low …" is an answer line, then its explanation, then why the others are not.
         */
        private boolean listing(Mention first, int paragraphEnd) {
            int k = paragraphEnd;
            while (k < m.length() && (Character.isWhitespace(m.charAt(k)) || "-•*>·#_(（".indexOf(m.charAt(k)) >= 0)) {
                k++;
            }
            for (Mention y : mentions) {
                if (y.start < paragraphEnd || y.text) {
                    continue;
                }
                if (y.start == k || (y.option == first.option && opensLine(y))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * "Sydney is the largest city, but the capital is Canberra", "While Sydney is the largest city, …": another
         * option's text after a word of contrast, or the opening text conceded by one before it. Which of the two the
         * reply gives is a matter of what the question asked, which the reply's words do not tell: the opening text is
         * not taken ("Canberra is the capital, but Sydney is larger" reads the same way).
         */
        private boolean contrasted(Mention first, List<Mention> positive) {
            int clause = first.start;
            while (clause > 0 && TERMINATORS.indexOf(m.charAt(clause - 1)) < 0
                    && CLAUSE_BREAKS.indexOf(m.charAt(clause - 1)) < 0) {
                clause--;
            }
            if (hasWord(low.substring(clause, first.start), Kind.CONTRAST)) {
                return true; // conceded in its own clause: "While Sydney is …", "虽然悉尼…"
            }
            for (Mention y : positive) {
                if (y.text && y.option != first.option && y.start > first.end && clauseFinal(y)
                        && hasWord(low.substring(first.end, y.start), Kind.CONTRAST)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The mention ends its clause, at most a short word after it ("… but the capital is Canberra.", "수도는
         * 캔버라입니다", "राजधानी कैनबरा है"): what the clause says is that option. In "… but copper is used for wires"
         * the clause goes on about it.
         */
        private boolean clauseFinal(Mention y) {
            int words = 0;
            int chars = 0;
            boolean inWord = false;
            for (int k = y.end; k < m.length(); k++) {
                char c = m.charAt(k);
                if (TERMINATORS.indexOf(c) >= 0 || CLAUSE_BREAKS.indexOf(c) >= 0 || c == '؟' || c == '(' || c == '（') {
                    break;
                }
                if (Character.isLetterOrDigit(c)) {
                    words += inWord ? 0 : 1;
                    chars++;
                    inWord = true;
                } else {
                    inWord = Character.getType(c) == Character.NON_SPACING_MARK && inWord;
                }
            }
            return words == 0 || (words == 1 && chars <= 4);
        }

        /**
         * Every mention of the option stands in a question ("Is it B?", "是 B 吗？", "¿Es la B?", "B?") that is neither
         * a statement with a tag ("C, right?", "Cですよね？") nor answered yes after it ("Is it C? Yes."), and the option
         * is named at least once: the reply asks, it does not answer.
         */
        private boolean onlyAsked(int option) {
            // "Forse la D?", "Maybe B?": a hedged guess, offered as the answer
            return everyNamed(option, x -> {
                int q = x.tentative ? -1 : questionMark(x.end);
                return q >= 0 && !tagged(x.end, q) && !affirmedAfter(q);
            });
        }

        /** The option is named (not only ruled out), and every mention that does not rule it out is such. */
        private boolean everyNamed(int option, java.util.function.Predicate<Mention> such) {
            boolean named = false;
            for (Mention x : mentions) {
                if (x.option == option && !x.negative) {
                    named = true;
                    if (!such.test(x)) {
                        return false;
                    }
                }
            }
            return named;
        }

        /**
         * "Answer: A\n\nHmm, wait. On second look A doesn't hold, and I can't say which of the others is right": after
         * the option's last positive mention a correction word, then the option ruled out, and no other option stated
         * after it.
         */
        private boolean ruledOutAfterCorrection(int option) {
            Mention stated = null;
            for (Mention x : mentions) {
                if (x.option == option && !x.negative && (stated == null || x.strong && !stated.strong)) {
                    stated = x; // the answer given: its first strong mention, else its first
                }
            }
            if (stated == null) {
                return false;
            }
            for (Mention x : mentions) {
                if (x.option == option && x.negative && x.start > stated.end
                        && hasWord(low.substring(stated.end, x.start), Kind.RETRACT)) {
                    final int after = x.end;
                    // "Wait — no. Melbourne was only the temporary capital, so C is wrong.": nothing stated after it
                    return mentions.stream().noneMatch(y -> y.start > after && !y.negative
                            && (y.option != option ? y.strong || !y.text : y.strong));
                }
            }
            return false;
        }

        /** The option's last mention that does not rule it out, or null. */
        private Mention lastNamed(int option) {
            Mention last = null;
            for (Mention x : mentions) {
                if (x.option == option && !x.negative) {
                    last = x;
                }
            }
            return last;
        }

        /**
         * "Answer: C. Wait, no.", "C. Hmm, no, that's not right.": after the option's last mention a correction word,
         * then a no standing alone, and no option named after the correction word.
         */
        private boolean withdrawnWithNo(int option) {
            Mention last = lastNamed(option);
            if (last == null) {
                return false;
            }
            AnswerLanguages.Lexicon retract = AnswerLanguages.lexicon(Kind.RETRACT);
            for (int k = last.end; k < low.length(); k++) {
                String w = retract.at(low, k);
                if (w == null || !boundaryBefore(low, k, w)) {
                    continue;
                }
                final int from = k;
                if (mentions.stream().anyMatch(y -> y.start > from)) {
                    return false; // "为什么不对：- B) … 不对": options discussed after it
                }
                if (denyAt(k) && hasWord(low.substring(k + w.length(), Math.min(low.length(), k + w.length() + 8)),
                        Kind.RETRACT)) {
                    return true; // "C. No, wait.": a no, then a correction word ("Nein, keine andere Option" is no)
                }
                // the no right after the correction word ("Wait, no.", "Hmm, no,", "等等，不对。")
                for (int j = k + w.length(); j < low.length() && j <= k + w.length() + 3; j++) {
                    if ((!isWordChar(low.charAt(j - 1)) || isCjk(low.charAt(j))) && denyAt(j)) {
                        return true;
                    }
                }
                return false;
            }
            return false;
        }

        /** Every mention of the option is under a word reporting an earlier or others' thought. */
        private boolean onlyFirstThought(int option) {
            return everyNamed(option, x -> x.initial);
        }

        /**
         * "Answer: C. Wait, let me reconsider Melbourne. No, it was only temporary.", "答案是 C。等等，是墨尔本吗？不是…":
         * after a correction word the option read is first named in a question that is not answered yes, or a no
         * follows its sentence, and it is not called right again after that: the reconsideration is set aside and the
         * answer stated before the correction word (not ruled out since) is the answer. Null otherwise.
         */
        private Mention reconsiderationSetAside(int option) {
            Mention first = mentions.stream().filter(x -> x.option == option && !x.negative).findFirst().orElse(null);
            if (first == null) {
                return null;
            }
            Mention earlier = null;
            for (Mention x : mentions) {
                if (x.start < first.start && (x.strong || x.leading) && !x.negative && !x.tentative
                        && x.option != option && x.option < n) {
                    earlier = x;
                }
            }
            if (earlier == null) {
                return null;
            }
            int q = questionMark(first.end);
            boolean asked = q >= 0 && !tagged(first.end, q) && !affirmedAfter(q);
            // "B. Could it be C? No, Melbourne was only temporary.": asked and answered no needs no correction word
            boolean askedAndDenied = asked && deniedAfter(q);
            if (!askedAndDenied && !hasWord(low.substring(earlier.end, first.start), Kind.RETRACT)) {
                return null;
            }
            if (!asked && !deniedAfter(first.end)) {
                return null;
            }
            if (!asked && hasWord(low.substring(first.end, sentenceEnd(sentenceEnd(first.end) + 1)), Kind.OTHERS)) {
                return null; // "Actually it's B. No, no other option fits.": the no is about the others
            }
            final Mention kept = earlier;
            final int from = first.end;
            // named again after it: in the sentence of the no only when restated alone ("No — definitely B."; "No,
            // Rome is in Italy" explains the no), elsewhere when stated
            boolean againLater = mentions.stream().anyMatch(x -> x.start > from && x.option == option && !x.negative
                    && (opensWithNo(sentenceStart(x.start, 200)) ? restatedAlone(x) : x.strong));
            boolean keptRuledOut = mentions.stream().anyMatch(x -> x.start > from && x.option == kept.option
                    && x.negative);
            return againLater || keptRuledOut ? null : kept;
        }

        /** Nothing but punctuation or a copula after the mention to its clause's end ("No — definitely B.", "B입니다"). */
        private boolean restatedAlone(Mention x) {
            int k = x.end;
            while (k < low.length() && Character.isWhitespace(low.charAt(k))) {
                k++;
            }
            String copula = AnswerLanguages.lexicon(Kind.COPULA).at(low, k);
            if (copula != null) {
                k += copula.length();
            }
            return k >= low.length() || TERMINATORS.indexOf(low.charAt(k)) >= 0 || CLAUSE_BREAKS.indexOf(low.charAt(k)) >= 0
                    || "!*_)）".indexOf(low.charAt(k)) >= 0;
        }

        /** The sentence starting at {@code k} opens with a no ("No, Rome is in Italy."). */
        private boolean opensWithNo(int k) {
            while (k < low.length() && (Character.isWhitespace(low.charAt(k)) || "*_-—–,".indexOf(low.charAt(k)) >= 0)) {
                k++;
            }
            return denyAt(k);
        }

        /**
         * A word for no at {@code k}, standing alone before punctuation ("No, …", "No —", "Nein.", "不是，"): "No other
         * option fits", "No doubt" go on as sentences of their own.
         */
        private boolean denyAt(int k) {
            String w = AnswerLanguages.lexicon(Kind.DENY).at(low, k);
            if (w == null || !wordAt(AnswerLanguages.lexicon(Kind.DENY), k)) {
                return false;
            }
            int e = k + w.length();
            while (e < low.length() && low.charAt(e) == ' ') {
                e++;
            }
            return e >= low.length() || ".!?。！？,，、;:—–-…".indexOf(low.charAt(e)) >= 0;
        }

        /**
         * After the sentence, clause or pause the mention ends ("Melbourne. No, …", "Melbourne... no, …", "Melbourne –
         * nein, …"), the next words say no.
         */
        private boolean deniedAfter(int from) {
            int k = from;
            while (k < low.length() && ".!?。！？።।…:;—–-".indexOf(low.charAt(k)) < 0 && low.charAt(k) != '\n') {
                k++;
            }
            while (k < low.length() && (Character.isWhitespace(low.charAt(k))
                    || ".!?。！？።।…:;—–-,，、*_".indexOf(low.charAt(k)) >= 0)) {
                k++;
            }
            return k < low.length() && denyAt(k);
        }

        /** Where the sentence going on at {@code from} ends with a question mark (Latin, full-width, Arabic), or -1. */
        private int questionMark(int from) {
            for (int j = from; j < m.length(); j++) {
                char c = m.charAt(j);
                if (c == '?' || c == '？' || c == '؟') {
                    return j;
                }
                if (TERMINATORS.indexOf(c) >= 0) {
                    if (c == '.' && j + 1 < m.length() && !Character.isWhitespace(m.charAt(j + 1))) {
                        continue;
                    }
                    return -1;
                }
            }
            return -1;
        }

        /** The question from the mention to its mark ends with a tag ("…, right", "…, oder", "…よね"). */
        private boolean tagged(int from, int mark) {
            String between = low.substring(from, mark).replaceAll("[\\s¿¡,，、،፣*_\"'”»)）]+$", "");
            AnswerLanguages.Lexicon tags = AnswerLanguages.lexicon(Kind.TAG);
            for (int k = 0; k < between.length(); k++) {
                String w = tags.at(between, k);
                if (w == null || k + w.length() != between.length() || !boundaryBefore(between, k, w)) {
                    continue;
                }
                // "C, right?" is stated, "Is B right?" asks: a tag follows a comma, unless it is glued ("Cですよね")
                String before = between.substring(0, k).replaceAll("[\\s¿¡]+$", "");
                if (isCjk(w.charAt(0)) || (!before.isEmpty() && ",，、،፣".indexOf(before.charAt(before.length() - 1)) >= 0)) {
                    return true;
                }
            }
            return false;
        }

        /** The next sentence after the question mark opens with a yes ("Yes.", "Genau.", "对。", "そうです。"). */
        private boolean affirmedAfter(int mark) {
            int k = mark + 1;
            while (k < low.length() && (Character.isWhitespace(low.charAt(k)) || "*_¡".indexOf(low.charAt(k)) >= 0)) {
                k++;
            }
            return k < low.length() && wordAt(AnswerLanguages.lexicon(Kind.AFFIRM), k);
        }

        /**
         * "Mombasa? No: …", "Which city? Mombasa, maybe.": a question mark before the mention or just after it: the
         * option is asked about, not answered.
         */
        private boolean asked(Mention x) {
            String before = m.substring(0, x.start);
            if (before.indexOf('?') >= 0 || before.indexOf('？') >= 0) {
                return true;
            }
            int k = x.end;
            while (k < m.length() && " \"'”»*_)）".indexOf(m.charAt(k)) >= 0) {
                k++;
            }
            return k < m.length() && (m.charAt(k) == '?' || m.charAt(k) == '？');
        }

        /**
         * "…: (3).", "… ngu-(1).": the bracket before a closing label follows a colon or a hyphen, so the label is what
         * the sentence gives, not a reference after a name.
         */
        private boolean afterColon(int bracket) {
            int k = bracket - 1;
            while (k >= 0 && m.charAt(k) == ' ') {
                k--;
            }
            return k >= 0 && ":：-".indexOf(m.charAt(k)) >= 0;
        }

        /**
         * "Respuesta: C … No estoy seguro.", "정답: A … A와 B 중 확실하지 않습니다.": a word of not being sure in a sentence
         * after the one that gave the answer, and no answer stated after it. "Probably D, though I'm not entirely sure"
         * says it in the answer's own sentence: a hedge, still D.
         */
        private boolean unsureAfter(int option) {
            Mention anchor = lastStrong();
            if (anchor == null) {
                for (Mention x : mentions) {
                    if (!x.negative && x.option == option) {
                        anchor = x;
                    }
                }
            }
            if (anchor == null) {
                return false;
            }
            // "At first I thought A, but now I'm not sure": what was first thought is taken back in its own sentence
            int from = anchor.initial ? anchor.end : sentenceEnd(anchor.end);
            AnswerLanguages.Lexicon unsure = AnswerLanguages.lexicon(Kind.UNSURE);
            for (int k = from; k < low.length(); k++) {
                String w = unsure.at(low, k);
                // a phrase in a script without spaces starts anywhere ("现在我不太确定了")
                if (w != null && boundaryBefore(low, k, w) && wordAt(unsure, k) && closesClause(k)) {
                    final int at = k;
                    int s0 = sentenceStart(at, 80);
                    int s1 = sentenceEnd(at);
                    if (hasWord(low.substring(s0, s1), Kind.NOT_FULLY)) {
                        return false; // "not entirely sure": a hedge
                    }
                    return mentions.stream().noneMatch(x -> x.start > at && !x.negative && x.strong);
                }
            }
            return false;
        }

        /**
         * "Ìbéèrè: Kí ni 15 × 2?\nA) 20\nB) 25\nC) 30\nD) 35\n\nÌdáhùn: C) 30" to options 32, 42, 52, 44: after a question
         * of its own, three labelled lines or more whose contents are numbers, none of them an option (an option's
         * value would be masked): the letters are that question's, not the prompt's.
         */
        private boolean ownOptions() {
            Matcher line = OWN_OPTION_LINE.matcher(m);
            Set<Character> labels = new HashSet<>();
            int first = -1;
            while (line.find()) {
                labels.add(line.group(1).charAt(0));
                if (first < 0) {
                    first = line.start();
                }
            }
            if (labels.size() < 3) {
                return false;
            }
            String before = m.substring(0, first);
            return before.indexOf('?') >= 0 || before.indexOf('？') >= 0;
        }

        /**
         * The phrase of not being sure at {@code k} is about the answer: not followed by a clause it is about ("not sure
         * why Saturn is listed", "not sure whether you need more detail", "nicht sicher, ob …"), and in a script without
         * spaces not the first half of a contrast ("고르기 어렵지만, …").
         */
        private boolean closesClause(int k) {
            String w = AnswerLanguages.lexicon(Kind.UNSURE).at(low, k);
            int j = k + w.length();
            int word = j;
            while (j < low.length() && isWordChar(low.charAt(j))) {
                j++;
            }
            if (j > word && j < low.length() && ",，、".indexOf(low.charAt(j)) >= 0) {
                return false;
            }
            String next = low.substring(j).replaceFirst("^[\\s,，—–*_]+", "");
            return next.isEmpty() || !wordAt(AnswerLanguages.lexicon(Kind.ABOUT_CLAUSE), 0, next);
        }

        /** The mention opens a line after the first: only bullets, emphasis or spaces before it on its line. */
        private boolean opensLine(Mention x) {
            int lineStart = m.lastIndexOf('\n', x.start - 1) + 1;
            return lineStart > 0 && m.substring(lineStart, x.start).matches("[\\s\\-•*>·#_(（]*");
        }

        /** A sentence after {@code from} that opens on a word of correction ("No, espera", "Wait", "Actually"). */
        private boolean correctionOpensSentence(int from) {
            for (int k = Math.max(0, from); k < low.length(); k++) {
                if (TERMINATORS.indexOf(low.charAt(k)) < 0) {
                    continue;
                }
                int at = k + 1;
                while (at < low.length() && " \t\n*_>\"'«“(".indexOf(low.charAt(at)) >= 0) {
                    at++;
                }
                if (at < low.length() && wordAt(AnswerLanguages.lexicon(Kind.RETRACT), at)) {
                    return true;
                }
            }
            return false;
        }

        /** A word of the lexicon at {@code k} that ends on a word boundary. */
        private boolean wordAt(AnswerLanguages.Lexicon words, int k) {
            return wordAt(words, k, low);
        }

        /** A word of the lexicon at {@code k} of {@code low} that ends on a word boundary. */
        private static boolean wordAt(AnswerLanguages.Lexicon words, int k, String low) {
            String w = words.at(low, k);
            return w != null && (k + w.length() >= low.length() || !Character.isLetterOrDigit(low.charAt(k + w.length()))
                    || !Character.isLetterOrDigit(w.charAt(w.length() - 1))
                    || Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.HAN
                    || Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.HIRAGANA
                    || Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.KATAKANA
                    || Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.HANGUL);
        }

        /** Where the sentence around a position ends: the next terminator that ends a sentence, or the end. */
        private int sentenceEnd(int i) {
            for (int j = i; j < m.length(); j++) {
                char c = m.charAt(j);
                if (c == '?' || c == '？' || (c == ':' && j + 1 < m.length() && m.charAt(j + 1) == '\n')) {
                    return j;
                }
                if (TERMINATORS.indexOf(c) >= 0) {
                    if (c == '.' && j + 1 < m.length() && !Character.isWhitespace(m.charAt(j + 1))) {
                        continue;
                    }
                    return j;
                }
            }
            return m.length();
        }

        /** "Saturn (B)", "悉尼（A）", "Ag (option A)": the letter in brackets right after its own option's text. */
        private boolean ownReference(Mention x) {
            int j = x.start - 1;
            while (j >= 0 && m.charAt(j) == ' ') {
                j--;
            }
            String noun = j < 0 ? null : AnswerLanguages.lexicon(Kind.OPTION).endOf(low.substring(0, j + 1));
            if (noun != null) {
                j -= noun.length();
                while (j >= 0 && m.charAt(j) == ' ') {
                    j--;
                }
            }
            if (j < 0 || (m.charAt(j) != '(' && m.charAt(j) != '（')) {
                return false;
            }
            j--;
            while (j >= 0 && m.charAt(j) == ' ') {
                j--;
            }
            return j >= 0 && isMask(m.charAt(j), n) && m.charAt(j) - MASK == x.option;
        }

        /**
         * "Avevo pensato alla A, ma … È la B.": the last strong mention is only an earlier thought, and a bare letter of
         * one other option, the only letter named after it (option texts aside), in a later sentence and not a reference
         * or a list label, closes the reply: that
         * letter answers in its place (returned, to be read as stated). Null when that is not the shape.
         */
        private Mention afterInitialThought(Mention last, List<Mention> positive) {
            if (!last.initial) {
                return null;
            }
            Mention closing = null;
            for (Mention x : positive) {
                if (x.start <= last.end || x.text || x.option >= n) {
                    continue; // the option texts of the explanation between them ("ma Roma è in Italia") choose nothing
                }
                int lineStart = m.lastIndexOf('\n', x.start - 1) + 1;
                // a label opening a line with more lines after it is a listing, not the closing answer
                boolean listed = x.lineStartLabel && m.substring(lineStart, x.start).matches("[\\s\\-•*>·]*[(（]?")
                        && m.indexOf('\n', x.end) >= 0;
                if (reference(x) || listed
                        || (closing != null && closing.option != x.option)) {
                    return null;
                }
                closing = x;
            }
            // "起初我想选 A，不过仔细想想，应该是 C。": in the same sentence, after a word of contrast
            if (closing == null || closing.option == last.option || !closesReply(closing)
                    || (sentenceStart(closing.start, 200) <= last.end
                            && !hasWord(low.substring(last.end, closing.start), Kind.CONTRAST))) {
                return null;
            }
            return closing;
        }

        /**
         * Nothing but punctuation and at most one short word ("Bです", "B ni") follows the mention, and no question
         * mark: "B? Boh.", "B？不知道。" ask, they do not answer.
         */
        private boolean closesReply(Mention x) {
            return m.substring(x.end).matches("[\\s.!。！።।]*(?:[\\p{L}\\p{M}]{1,4}[\\s.!。！።।]*)?");
        }

        /**
         * "The largest planet is E. Jupiter.\n\n… it remains larger than Earth": the first line states one option
         * as its label with its own text, and the last strong mention is only another option's text after a word that
         * can mark a conclusion ("reste", Swahili "hivyo", thus) in the explanation after it, no answer word, no
         * correction between them and no label of another option anywhere: the explanation compares, the label is the
         * answer. Null when that is not the shape of the reply.
         */
        private Mention answeredWithItsText(List<Mention> strong) {
            Mention last = strong.get(strong.size() - 1);
            if (!last.text || last.answerWord || !last.conclusive || last.tentative) {
                return null;
            }
            int firstLineEnd = m.indexOf('\n');
            Mention label = null;
            for (Mention x : mentions) {
                if (x.text || x.option >= n) {
                    continue;
                }
                if (x.negative || x.option == last.option || (label != null && label.option != x.option)) {
                    return null;
                }
                if (label == null) {
                    label = x;
                }
            }
            if (label == null || !label.restates || label.start > last.start
                    || firstLineEnd < 0 || label.start > firstLineEnd
                    || hasWord(low.substring(label.end, last.start), Kind.RETRACT)) {
                return null;
            }
            return label;
        }

        private Extraction stated(List<Mention> strong) {
            Mention last = strong.get(strong.size() - 1);
            Mention head = last;
            while (head.prev != null) {
                head = head.prev;
            }
            Set<Integer> finalSet = new TreeSet<>();
            for (Mention y = head; y != null; y = y.next) {
                finalSet.add(y.option);
            }
            if (finalSet.size() > 1) {
                return ambiguous("several options stated as the answer", finalSet);
            }
            Mention paired = conditionalPair(last);
            if (paired != null) {
                // "If X, it is C; if Y, it is A.": each letter holds only under the condition opening its own clause,
                // however firmly either is stated, and no later answer settles the premise
                return ambiguous("two answers, each under a condition", new TreeSet<>(List.of(paired.option, last.option)));
            }
            // "… 季節としては「夏」… AかBのどちらかだと思います。": the closing sentence offers two options, called
            // right or hedged just after them ("A and C describe mitosis" only names them)
            for (Mention x : mentions) {
                if (x.start > last.end && x.prev == null && x.next != null && !x.negative && x.option != x.next.option
                        && inLastSentence(x) && offered(x.next)) {
                    return ambiguous("the answer closes offering two options",
                            new TreeSet<>(List.of(x.option, x.next.option)));
                }
            }
            if (last.tentative && last.alternative) {
                return new Extraction.Unparseable("ambiguous: a hedged answer with an alternative beside it (… or …)");
            }
            if (last.tentative) {
                // "maybe two, maybe three": a hedged option text beside another in the same sentence settles nothing
                int from = sentenceStart(last.start, 200);
                for (Mention x : mentions) {
                    if (x.text && !x.negative && x.option != last.option && x.start >= from && x.start < last.start) {
                        return ambiguous("a hedged answer beside other options", new TreeSet<>(List.of(x.option, last.option)));
                    }
                }
                // "Hmm, A? Or maybe C?": a hedge does not settle between letters still open beside it
                for (Mention x : mentions) {
                    if (!x.text && !x.negative && !x.strong && x.option != last.option && x.option < n && !reference(x)
                            && !x.restates && !x.lineStartLabel) {
                        return ambiguous("a hedged answer beside other options", new TreeSet<>(List.of(x.option, last.option)));
                    }
                }
            }
            boolean lastLine = m.indexOf('\n', last.end) < 0 && last.answerWord;
            for (Mention s : strong) {
                if (s.start >= head.start) {
                    break;
                }
                if (s.option == last.option) {
                    continue;
                }
                if (alternativeCorrection(low.substring(Math.max(s.end, s.afterEnd), head.start))) {
                    // "Answer: B or actually answer: C": offered as an alternative, not a correction that settles it
                    return ambiguous("an answer and an alternative to it (… or actually …)",
                            new TreeSet<>(List.of(s.option, last.option)));
                }
                // the last line closes the answer after reasoning, not after a bare restatement ("The answer is A.
                // The answer is C." states two answers)
                int from = Math.max(s.end, s.afterEnd);
                int to = sentenceStart(head.start, 200);
                boolean closing = lastLine && from < to && low.substring(from, to).chars().anyMatch(Character::isLetter);
                if (conditional(s) && conditional(last)) {
                    // "If X, the answer is A. If Y, the answer is D.": each holds under its condition, none is chosen
                    return ambiguous("two answers, each under a condition", new TreeSet<>(List.of(s.option, last.option)));
                }
                if (firm(s) && firm(last) && !hasWord(low.substring(s.end, head.start), Kind.RETRACT)) {
                    // "Answer: A … Final answer: D", "Answer: C … However, if … Answer: A": two firm answers and
                    // nothing withdraws the first; a final or closing line alone does not say the first was wrong
                    return ambiguous("two answers stated that disagree, and no correction between them",
                            new TreeSet<>(List.of(s.option, last.option)));
                }
                if ((firm(s) || declared(s)) && (firm(last) || declared(last))
                        && !hasWord(low.substring(s.end, head.start), Kind.RETRACT) && !ruledOutBetween(s, head)) {
                    // "The answer is B. … Therefore, the correct answer is C.", "Réponse : A … La réponse est donc
                    // B.": two answers each stated as a sentence of its own, nothing withdraws the first; the
                    // conclusion word of the second does not say the first was wrong
                    return ambiguous("two answers stated that disagree, and no correction between them",
                            new TreeSet<>(List.of(s.option, last.option)));
                }
                // "一开始我以为是A，但…应该是B。": an earlier thought is overridden by a later answer in another sentence
                // later, and firm or hedged only where it closes the reply ("应该是B。"): "… it could be B too, so I won't
                // pick" goes on after it and chooses nothing
                boolean laterThought = s.initial && !last.initial && (!last.tentative || closesReply(last))
                        && sentenceStart(head.start, 200) > s.end;
                boolean overridden = last.conclusive || closing || (s.tentative && !last.tentative) || laterThought
                        // "Probably C, but it could also be A": a conclusion word between two hedged letters
                        // (German "also" inside the hedge) does not settle on the second
                        || (hasWord(low.substring(s.end, head.start), Kind.CONCLUDE) && !(s.tentative && last.tentative))
                        || hasWord(low.substring(s.end, head.start), Kind.RETRACT);
                if (!overridden) {
                    Set<Integer> both = new TreeSet<>(List.of(s.option, last.option));
                    return ambiguous("several options stated as the answer", both);
                }
            }
            if (last.option >= n) {
                return new Extraction.Unparseable("letter " + (char) ('A' + last.option) + " is not one of the " + n
                        + " options");
            }
            return new Extraction.Choice(last.option, last.text ? "option-text" : "answer-word");
        }

        /** The reply opens with a question offering alternatives ("… A or B?"), before any other sentence ends. */
        private boolean questionBack() {
            int q = -1;
            for (int k = 0; k < low.length() && q < 0; k++) {
                char c = low.charAt(k);
                if (c == '?' || c == '？') {
                    q = k;
                } else if (c == '\n' || TERMINATORS.indexOf(c) >= 0) {
                    return false;
                }
            }
            return q > 0 && hasWord(low.substring(0, q), Kind.OR);
        }

        /**
         * Another option's letter, in the same or a next sentence, that like {@code last} holds only under a condition
         * of its own clause ({@link #underOwnCondition}), or null.
         */
        private Mention conditionalPair(Mention last) {
            if (last.text || !underOwnCondition(last)) {
                return null;
            }
            for (Mention y : mentions) {
                if (y == last || y.text || y.negative || y.option == last.option || y.option >= n) {
                    continue;
                }
                Mention first = y.start < last.start ? y : last;
                Mention second = first == y ? last : y;
                long breaks = m.substring(first.end, second.start).chars().filter(c -> TERMINATORS.indexOf(c) >= 0).count();
                if (breaks <= 1 && underOwnCondition(y)) {
                    return y;
                }
            }
            return null;
        }

        /**
         * A condition word between the mention and the mention before it in its sentence (or the sentence start): "if
         * X, it is C; if Y, it is A" puts A under its own "if Y"; "If X it would be C, but here …, so the answer is A"
         * does not.
         */
        private boolean underOwnCondition(Mention x) {
            int from = sentenceStart(x.start, 200);
            for (Mention y : mentions) {
                if (y != x && y.end <= x.start && y.end > from) {
                    from = y.end;
                }
            }
            return hasWord(low.substring(from, x.start), Kind.CONDITION);
        }

        /** The sentence of the mention opens with a condition ("if …, the answer is A"). */
        private boolean conditional(Mention x) {
            return hasWord(low.substring(sentenceStart(x.start, 200), x.start), Kind.CONDITION);
        }

        /**
         * An answer given as an answer line, its answer word and a colon ("Answer: A", "答案：A"), not hedged ("I think
         * the answer: A"); "I first thought the answer was A" is no such line.
         */
        private boolean firm(Mention s) {
            String before = low.substring(sentenceStart(s.start, 60), s.start).stripTrailing();
            // "Jibu la mwisho: B", "Risposta finale: C": the qualifier after the answer word is the word found nearest
            return (s.answerWord || hasWord(before, Kind.ANSWER)) && !s.tentative && !s.negative
                    && (before.endsWith(":") || before.endsWith("：")) && !hasWord(before, Kind.HEDGE);
        }

        /**
         * A sentence that only states the answer: an answer word in its opening few words (a conclusion word
         * besides: "Therefore, the correct answer is C.", "所以正确答案是B。"), not hedged, reported or conditional
         * ("At first I thought the answer was A" is no such sentence), and the letter closes it, at most a copula
         * after it ("정답은 C입니다.", "መልሱ C ነው።").
         */
        private boolean declared(Mention x) {
            if (x.text || !x.strong || x.tentative || x.negative || conditional(x)) {
                return false;
            }
            String before = low.substring(sentenceStart(x.start, 80), x.start).strip();
            String clause = concludingClause(before);
            if (clause != null) {
                before = clause; // "…, quindi la risposta corretta è D.", "…፤ ስለዚህ ትክክለኛው መልስ A ነው።"
            }
            // "…, daher ist A richtig.": in a concluding clause a predicate that calls the letter right states it
            boolean called = clause != null && x.postAt == 0 && x.afterEnd > 0;
            if ((!x.answerWord && !hasWord(before, Kind.ANSWER) && !called) || hasWord(before, Kind.HEDGE)) {
                return false;
            }
            boolean concluded = clause != null || hasWord(before, Kind.CONCLUDE);
            boolean cjk = !before.isEmpty() && isCjk(before.charAt(0));
            if (cjk ? before.length() > (concluded ? 12 : 8) : before.split("\\s+").length > (concluded ? 7 : 5)) {
                return false;
            }
            int j = Math.max(x.end, x.afterEnd);
            int to = j;
            while (to < low.length() && TERMINATORS.indexOf(low.charAt(to)) < 0) {
                to++;
            }
            String rest = low.substring(j, to).replaceAll("[\\s*)\\]}\"'»”」』）]+", " ").strip();
            return rest.isEmpty() || (rest.indexOf(' ') < 0 && rest.length() <= 8);
        }

        /**
         * The last clause of a sentence that opens with a conclusion word after a comma or semicolon ("…, so the
         * correct answer is", "…; por lo tanto, la respuesta correcta es la", "…፤ ስለዚህ ትክክለኛው መልስ"): the words
         * after that conclusion word ("la respuesta correcta es la"), or null when there is none.
         */
        private static String concludingClause(String before) {
            AnswerLanguages.Lexicon conclude = AnswerLanguages.lexicon(Kind.CONCLUDE);
            for (int at = before.length() - 1; at > 0; at--) {
                final int pos = at;
                String w = conclude.at(before, at,
                        c -> boundaryBefore(before, pos, c) && endsWord(before, pos + c.length(), c));
                if (w == null) {
                    continue;
                }
                String head = before.substring(0, at).stripTrailing();
                if (!head.isEmpty() && CLAUSE_BREAKS.indexOf(head.charAt(head.length() - 1)) >= 0) {
                    return before.substring(at + w.length()).replaceFirst("^[\\s,;:，；、፤፣،]+", "");
                }
            }
            return null;
        }

        /** Between two stated answers, the first one's letter is called wrong ("A is incorrect, though"). */
        private boolean ruledOutBetween(Mention s, Mention head) {
            return mentions.stream().anyMatch(y -> y.negative && !y.hypothetical && y.option == s.option
                    && y.start > s.start && y.start < head.start);
        }

        /**
         * The mention is named under a counterfactual ("had it been …, the answer would have been B", "якби …, була
         * б B", "Bになったはず"): the language's marker (data, {@code counterfactual}) is in its sentence before it
         * with no other mention between them, or just after it.
         */
        private boolean counterfactual(Mention x) {
            AnswerLanguages.Lexicon markers = AnswerLanguages.lexicon(Kind.COUNTERFACTUAL);
            int from = sentenceStart(x.start, 160);
            int found = -1;
            for (int at = from; at < x.start; at++) {
                final int pos = at;
                String w = markers.at(low, at, c -> boundaryBefore(low, pos, c) && endsWord(low, pos + c.length(), c));
                if (w != null && at + w.length() <= x.start) {
                    found = at + w.length();
                }
            }
            if (found >= 0 && x.start - found <= 60 && !containsMention(found, x.start)
                    && low.substring(found, x.start).indexOf(';') < 0) {
                return true;
            }
            for (int at = x.end; at < low.length() && at < x.end + 16; at++) {
                if (TERMINATORS.indexOf(low.charAt(at)) >= 0 || containsMention(at, at + 1)) {
                    return false;
                }
                final int pos = at;
                if (markers.at(low, at, c -> boundaryBefore(low, pos, c) && endsWord(low, pos + c.length(), c)) != null) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The words between two stated answers in one sentence open with "or" and a correction: "or actually",
         * "או בעצם", also on the next line (a new sentence, "Or wait, actually C.", corrects).
         */
        private static boolean alternativeCorrection(String between) {
            if (between.chars().anyMatch(c -> c != '\n' && TERMINATORS.indexOf(c) >= 0)) {
                return false;
            }
            String t = between.replaceFirst("^[\\s,.;:!?()\\[\\]-]+", "");
            String or = t.isEmpty() ? null : AnswerLanguages.lexicon(Kind.OR).at(t, 0, w -> endsWord(t, w.length(), w));
            if (or == null || !Character.isLetter(or.charAt(0))) {
                return false;
            }
            String rest = t.substring(or.length()).stripLeading();
            return !rest.isEmpty() && AnswerLanguages.lexicon(Kind.RETRACT).at(rest, 0, w -> endsWord(rest, w.length(), w)) != null;
        }

        private Extraction ambiguous(String what, Set<Integer> options) {
            StringBuilder found = new StringBuilder();
            options.forEach(i -> found.append(found.length() == 0 ? "" : ", ").append((char) ('A' + i)));
            return new Extraction.Unparseable("ambiguous: " + what + " (" + found + ")");
        }
    }
}
