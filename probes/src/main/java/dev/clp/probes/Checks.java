package dev.clp.probes;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that need no model call: language identity of translated text, word-set similarity (near-duplicates),
 * whether a back-translation keeps the meaning, and reading the judge's verdict.
 */
final class Checks {

    /** The script a language is written in, for languages not written in Latin letters. */
    private static final Map<String, Set<UnicodeScript>> SCRIPTS = Map.ofEntries(
            Map.entry("zh", Set.of(UnicodeScript.HAN)),
            Map.entry("ja", Set.of(UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA)),
            Map.entry("ko", Set.of(UnicodeScript.HANGUL)),
            Map.entry("ar", Set.of(UnicodeScript.ARABIC)),
            Map.entry("he", Set.of(UnicodeScript.HEBREW)),
            Map.entry("bn", Set.of(UnicodeScript.BENGALI)),
            Map.entry("hi", Set.of(UnicodeScript.DEVANAGARI)),
            Map.entry("am", Set.of(UnicodeScript.ETHIOPIC)),
            Map.entry("uk", Set.of(UnicodeScript.CYRILLIC)));

    /**
     * Frequent English function words that are not also common words of the Latin-script target languages (so not
     * "a", "in", "an", "on", "as", "was", "also", "will", "die"); a Latin-script sentence made a quarter of them is
     * English.
     */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "is", "that", "it", "for", "are",
            "with", "this", "which", "or", "by", "what", "from", "be", "not", "they", "these", "there", "their", "have",
            "has", "been", "were", "would", "could", "should", "about", "when", "who", "most", "many", "some", "people",
            "often", "here", "first", "than", "then", "them", "can", "do", "does", "your", "you", "its", "into", "only",
            "more", "such", "other", "each", "how", "why", "where", "while", "before", "after", "because", "those",
            "every", "any", "our", "we", "he", "she", "his", "her", "at", "one", "easy", "think");

    /** Words that carry no content for the back-translation check (negations are content: they are not here). */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "of", "and", "to", "in", "is", "are",
            "was", "were", "be", "been", "it", "its", "that", "this", "these", "those", "which", "who", "what", "for",
            "on", "at", "by", "with", "from", "as", "or", "do", "does", "did", "one", "ones", "there", "their", "they",
            "them", "upon", "when", "while", "so", "such", "also", "very", "than", "then", "has", "have", "had", "would",
            "will", "can", "could", "may", "might", "should", "some", "any", "into", "onto", "about", "over");

    /** How alike a back-translation and its English text must be for {@link #sameMeaning} (F1 of soft word matches). */
    static final double SAME_MEANING = 0.6;

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:\\n]+");

    private Checks() {
    }

    /**
     * Whether a translation into {@code lang} of {@code source} looks like that language. It differs from the source,
     * and: for a language not written in Latin letters, its script makes at least half of the letters; for a
     * Latin-script language, no sentence of four words or more is a quarter or more frequent English words (a
     * partial translation leaves such a sentence). The text is read as it is: nothing in it is treated specially.
     */
    static boolean looksLike(String lang, String translated, String source) {
        if (translated == null || translated.isBlank()) {
            return false;
        }
        if (normalize(translated).equals(normalize(source))) {
            return false;
        }
        Set<UnicodeScript> scripts = SCRIPTS.get(lang);
        if (scripts != null) {
            long letters = translated.codePoints().filter(Character::isLetter).count();
            long own = translated.codePoints().filter(Character::isLetter)
                    .filter(cp -> scripts.contains(UnicodeScript.of(cp))).count();
            return letters > 0 && own * 2 >= letters;
        }
        for (String sentence : SENTENCE_END.split(translated)) {
            String[] words = normalize(sentence).split(" ");
            long english = java.util.Arrays.stream(words).filter(ENGLISH::contains).count();
            if (words.length >= 4 && english * 4 >= words.length) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether translated options look like {@code lang}. An option that is a name or a number (every word
     * capitalised or without letters) may stay as it is, as a translator leaves "Paris", "1789" or "DNA"; the other
     * options, together, must look like the language. Options that are all names or numbers pass.
     */
    static boolean optionsLookLike(String lang, List<String> translated, List<String> source) {
        List<String> rest = new ArrayList<>();
        List<String> restSource = new ArrayList<>();
        for (int i = 0; i < translated.size(); i++) {
            String t = translated.get(i);
            String src = i < source.size() ? source.get(i) : "";
            if (nameOrNumber(t) && (normalize(t).equals(normalize(src)) || SCRIPTS.get(lang) == null)) {
                continue;
            }
            rest.add(t);
            restSource.add(src);
        }
        return rest.isEmpty() || looksLike(lang, String.join(" ", rest), String.join(" ", restSource));
    }

    private static boolean nameOrNumber(String option) {
        String[] words = option.strip().split("\\s+");
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            boolean letters = w.codePoints().anyMatch(Character::isLetter);
            if (letters && !Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
            if (letters && ENGLISH.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return words.length > 0 && !option.isBlank();
    }

    /**
     * Whether a back-translation says what the English text said, tolerating ordinary paraphrase: function words are
     * ignored, word order does not count, and a word matches the most alike word of the other text by character
     * trigrams (so "impressions" matches "impression", "reflects" matches "reflection"). The score is the F1 of those
     * matches in both directions, at least {@link #SAME_MEANING}. It does not know synonyms that share no letters
     * ("big" and "large"): such a paraphrase of a short text is rejected, a cost in candidates, not in soundness.
     */
    static boolean sameMeaning(String backTranslated, String english) {
        List<String> a = contentWords(backTranslated);
        List<String> b = contentWords(english);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        double precision = a.stream().mapToDouble(w -> best(w, b)).average().orElse(0);
        double recall = b.stream().mapToDouble(w -> best(w, a)).average().orElse(0);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return f1 >= SAME_MEANING;
    }

    private static List<String> contentWords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : normalize(text == null ? "" : text).split(" ")) {
            if (!w.isEmpty() && !FUNCTION_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** The best match of a word among others: 1 for the same word, else the Dice coefficient of character trigrams. */
    private static double best(String word, List<String> others) {
        double best = 0;
        for (String o : others) {
            double d = o.equals(word) ? 1 : dice(word, o);
            best = Math.max(best, d);
        }
        return best < 0.5 ? 0 : best;
    }

    private static double dice(String x, String y) {
        List<String> gx = trigrams(x);
        List<String> gy = new ArrayList<>(trigrams(y));
        int total = gx.size() + gy.size();
        int common = 0;
        for (String g : gx) {
            if (gy.remove(g)) {
                common++;
            }
        }
        return total == 0 ? 0 : 2.0 * common / total;
    }

    private static List<String> trigrams(String w) {
        String padded = "#" + w + "#";
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            out.add(padded.substring(i, i + 3));
        }
        return out;
    }

    /**
     * The judge's verdict read exactly: {@code SAME}, {@code UNCHANGED}, {@code NOT CHANGED} or {@code NO CHANGE}
     * (any case, with markdown emphasis, quotes or a final full stop) keep the question; {@code CHANGED} does not;
     * anything else ("SAME or CHANGED", "It is not the same", an empty reply) is unreadable: empty.
     */
    static Optional<Boolean> judgeKeeps(String reply) {
        String v = reply == null ? "" : reply.replaceAll("[*_`\"“”'«»]", "").strip();
        v = v.replaceAll("(?i)^(?:verdict|answer)\\s*:\\s*", "").replaceAll("[.!\\s]+$", "")
                .replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return switch (v) {
            case GeneratorTasks.SAME, "UNCHANGED", "NOT CHANGED", "NO CHANGE", "NO CHANGES" -> Optional.of(true);
            case GeneratorTasks.CHANGED -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** Jaccard similarity of the two texts' word sets, after lower-casing and dropping punctuation. */
    static double similarity(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1.0;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return x.size() / (double) union.size();
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        for (String w : normalize(s).split(" ")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]+", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
