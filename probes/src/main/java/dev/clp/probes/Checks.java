package dev.clp.probes;

import dev.clp.probes.sim.SimulatedText;
import java.lang.Character.UnicodeScript;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks that need no model call: language identity of translated text, and word-set similarity. */
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

    /** Frequent English words; a Latin-script translation made mostly of them was not translated. */
    private static final Set<String> ENGLISH = Set.of("the", "of", "and", "to", "in", "is", "that", "it", "for", "was",
            "on", "are", "as", "with", "be", "this", "which", "or", "by", "what", "from", "at", "an", "not", "most",
            "many", "some", "people", "often", "here", "first", "about", "when", "who", "they", "one", "these");

    private Checks() {
    }

    /**
     * Whether a translation into {@code lang} of {@code source} looks like that language: a simulated
     * translation by its mark; a non-Latin-script language by the share of its script among letters (≥ 50 %);
     * a Latin-script language by differing from the source and not being mostly frequent English words.
     */
    static boolean looksLike(String lang, String translated, String source) {
        if (translated == null || translated.isBlank()) {
            return false;
        }
        var simulated = SimulatedText.language(translated);
        if (simulated.isPresent()) {
            return simulated.get().equals(lang);
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
        String[] words = normalize(translated).split(" ");
        long english = java.util.Arrays.stream(words).filter(ENGLISH::contains).count();
        return words.length == 0 || english * 10 < words.length * 3;
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
        return SimulatedText.strip(s).toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]+", " ")
                .replaceAll("\\s+", " ").strip();
    }
}
