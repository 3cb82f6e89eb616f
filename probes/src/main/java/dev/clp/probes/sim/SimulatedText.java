package dev.clp.probes.sim;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The marks the generator's simulation leaves in the text it writes, so that simulated text is visible as such
 * wherever it ends up: a simulated translation starts every translated text with {@link #marker(String)}, and a
 * simulated distraction that gives the answer away contains {@link #GIVEAWAY}. The generator's checks read them, and
 * {@code SuiteOutput} refuses to write marked text into a shipped suite (the probes classes that may use this
 * package are listed in {@code ProbesArchitectureTest}).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SimulatedText {

    /** The phrase with which a simulated distraction gives the answer away (the judge must reject it). */
    public static final String GIVEAWAY = "which settles it: the answer is";

    private static final Pattern MARKER = Pattern.compile("⟦sim:([a-z]{2,3})⟧ ?");

    private SimulatedText() {
    }

    /** The visible mark at the start of every text the simulator "translated" into {@code lang}. */
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

    /** The text without simulated-translation marks (what the simulator "understands"). */
    public static String strip(String text) {
        return MARKER.matcher(text).replaceAll("");
    }
}
