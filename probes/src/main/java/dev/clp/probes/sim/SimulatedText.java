package dev.clp.probes.sim;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How the generator's simulation writes "translated" text: a visible mark {@link #marker(String)} at the start of a
 * translated question or distraction, and the English text re-spelled so that it reads as the target language to a
 * check that looks at letters and words, as a real translation does: in a language written in Latin letters every
 * vowel carries a macron ("Whīch gās"), in another script every ASCII letter becomes one or two letters of that
 * script. Numbers, spaces and punctuation stay. The simulation reads it back ({@link #decode}) to "understand" it;
 * the generator's checks never see it as anything but text, and only {@code SuiteOutput} (which refuses to ship
 * simulated text) reads the mark ({@code ProbesArchitectureTest}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SimulatedText {

    private static final Pattern MARKER = Pattern.compile("⟦sim:([a-z]{2,3})⟧ ?");
    private static final String PLAIN = "aeiouyAEIOUY";
    private static final String MACRON = "āēīōūȳĀĒĪŌŪȲ";

    /** Per language not written in Latin letters: the first code point of a run of that script's letters, its length. */
    private static final Map<String, int[]> SCRIPT_LETTERS = Map.ofEntries(
            Map.entry("zh", new int[] {0x4E00, 52}), Map.entry("ja", new int[] {0x3041, 52}),
            Map.entry("ko", new int[] {0xAC00, 52}), Map.entry("am", new int[] {0x1200, 52}),
            Map.entry("ar", new int[] {0x0628, 19}), Map.entry("he", new int[] {0x05D0, 27}),
            Map.entry("bn", new int[] {0x0995, 20}), Map.entry("hi", new int[] {0x0915, 37}),
            Map.entry("uk", new int[] {0x0430, 32}));

    private SimulatedText() {
    }

    /** The visible mark at the start of every question or distraction the simulator "translated" into {@code lang}. */
    public static String marker(String lang) {
        return "⟦sim:" + lang + "⟧ ";
    }

    /** Whether the text carries a simulated-translation mark. */
    public static boolean isSimulatedTranslation(String text) {
        return text != null && MARKER.matcher(text).find();
    }

    /** The language of the first simulated-translation mark in the text. */
    public static Optional<String> language(String text) {
        Matcher m = MARKER.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * One language per spelling the simulation has: each language not written in Latin letters, and Swahili for those
     * that are (they share one spelling).
     */
    static java.util.Set<String> languages() {
        java.util.Set<String> out = new java.util.TreeSet<>(SCRIPT_LETTERS.keySet());
        out.add("sw");
        return out;
    }

    /** English text re-spelled as the simulation's {@code lang} (without the mark). */
    static String encode(String lang, String english) {
        int[] script = SCRIPT_LETTERS.get(lang);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < english.length(); i++) {
            char c = english.charAt(i);
            int letter = c >= 'a' && c <= 'z' ? c - 'a' : c >= 'A' && c <= 'Z' ? 26 + c - 'A' : -1;
            if (script == null) {
                int v = PLAIN.indexOf(c);
                out.append(v >= 0 ? MACRON.charAt(v) : c);
            } else if (letter < 0) {
                out.append(c);
            } else if (script[1] >= 52) {
                out.appendCodePoint(script[0] + letter);
            } else {
                out.appendCodePoint(script[0] + letter / script[1]).appendCodePoint(script[0] + letter % script[1]);
            }
        }
        return out.toString();
    }

    /** Text re-spelled by {@link #encode} back in English. */
    static String decode(String lang, String text) {
        int[] script = SCRIPT_LETTERS.get(lang);
        StringBuilder out = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (script == null) {
                int v = cp < 0x10000 ? MACRON.indexOf((char) cp) : -1;
                out.appendCodePoint(v >= 0 ? PLAIN.charAt(v) : cp);
                continue;
            }
            int d = cp - script[0];
            if (d < 0 || d >= Math.min(script[1], 52)) {
                out.appendCodePoint(cp);
            } else if (script[1] >= 52) {
                out.append(letter(d));
            } else if (i + 1 < cps.length && cps[i + 1] - script[0] >= 0 && cps[i + 1] - script[0] < script[1]) {
                out.append(letter(d * script[1] + cps[i + 1] - script[0]));
                i++;
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static char letter(int index) {
        return index < 26 ? (char) ('a' + index) : (char) ('A' + index - 26);
    }

    /** Every marked segment (from a mark to the end of its line) read back in English, without the marks. */
    static String decodeMarked(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = MARKER.matcher(text);
        int at = 0;
        while (m.find(at)) {
            out.append(text, at, m.start());
            int end = text.indexOf('\n', m.end());
            end = end < 0 ? text.length() : end;
            // a later mark on the same line starts its own segment
            Matcher next = MARKER.matcher(text).region(m.end(), end);
            int stop = next.find() ? next.start() : end;
            out.append(decode(m.group(1), text.substring(m.end(), stop)));
            at = stop;
        }
        return out.append(text.substring(at)).toString();
    }

    /** The text without simulated-translation marks. */
    static String strip(String text) {
        return MARKER.matcher(text).replaceAll("");
    }
}
