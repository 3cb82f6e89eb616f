package dev.clp.probes.sim;

import dev.clp.sim.Draws;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences the simulated writer and translator write. How a panel model reacts to them is
 * {@link SimulatedReader}'s, which reads what they say (the options they name), not which of these templates they are.
 */
final class SimulatedWriting {

    /** Sentences arguing for an option (%s). */
    static final String[] ARGUING = {
        "Many readers first think of %s here.",
        "Some textbooks discuss %s in a very similar context.",
        "It is a common mistake to associate this topic with %s.",
        "A quick search on this subject often points to %s.",
        "People who skim the question tend to settle on %s.",
        "In everyday conversation, %s is what most people would mention.",
        "Discussions of this topic often come back to %s.",
        "It is easy to see why %s comes to mind first.",
        "Older references placed %s at the centre of such questions.",
        "Teachers report that students often pick %s at first sight.",
    };
    /** Sentences that argue for nothing. */
    static final String[] NEUTRAL = {
        "Read every option before deciding.",
        "Several details in the wording are easy to overlook.",
        "The first impression is not always the one that holds up on reflection.",
        "Context matters here, and a careful reader weighs each choice against the others.",
        "Questions of this kind come up in many introductory courses.",
        "The wording was chosen with some care.",
    };
    /** Sentences stating the answer (%s, the option's whole text): a giveaway when it is the right one. */
    static final String[] STATING = {
        "Most sources agree that the answer is %s.",
        "Either way, the answer is %s.",
        "Anyone who knows the subject would go with %s.",
        "In the end, only %s holds up.",
    };
    /** Giveaways naming only one word of the right option (%s): its longest; a real writer's hint is as often oblique. */
    static final String[] HINTING = {
        "Everything here turns on %s.",
        "Think of %s, and the rest follows.",
    };
    /** The sentence a translator adds when its translation says more than the English (%s: the option argued for). */
    static final String AMPLIFYING = "Without any doubt, %s is what this question is after.";

    private static final List<Pattern> ARGUING_PATTERNS = patterns(ARGUING);

    private SimulatedWriting() {
    }

    private static List<Pattern> patterns(String[] templates) {
        List<Pattern> out = new ArrayList<>();
        for (String t : templates) {
            int at = t.indexOf("%s");
            out.add(Pattern.compile(Pattern.quote(t.substring(0, at)) + "(.+?)" + Pattern.quote(t.substring(at + 2))));
        }
        return out;
    }

    /**
     * A distraction for a wrong option: the improved writer's is one or two sentences; the reference writer's, asked
     * with no length limit, two to five (the published distractions are a few hundred characters). A writer that was
     * given the right answer sometimes states it (a giveaway, recorded as such).
     */
    static String distraction(String wrong, String correctOrNull, boolean long_, byte[] h) {
        String option = wrong.strip();
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, pick(ARGUING, h, 8), option));
        int more = long_ ? 1 + (int) (Draws.unit(h, 16) * 4) : (int) (Draws.unit(h, 16) * 2);
        for (int i = 0; i < more; i++) {
            byte[] hi = Draws.hash(java.util.HexFormat.of().formatHex(h) + '\u001f' + i);
            boolean argue = Draws.unit(hi, 0) < 0.4;
            d.append(' ').append(argue ? String.format(Locale.ROOT, pick(ARGUING, hi, 8), option)
                    : pick(NEUTRAL, hi, 8));
        }
        String fault = GroundTruth.SOUND;
        if (correctOrNull != null && Draws.unit(h, 0) < SimulationRates.get("writer.giveaway")) {
            d.append(' ').append(giveaway(correctOrNull.strip(), h));
            fault = GroundTruth.GIVES_AWAY;
        }
        String text = d.toString();
        GroundTruth.distraction(text, fault);
        return text;
    }

    /**
     * A sentence giving the right option away: for a third of the options of several words, one word of it (its
     * longest), otherwise its whole text, in one of several wordings.
     */
    private static String giveaway(String right, byte[] h) {
        String longest = SimulatedReader.words(right).stream().sorted().reduce("", (a, b) -> b.length() > a.length()
                ? b : a);
        if (SimulatedReader.words(right).size() > 1 && Draws.unit(h, 24) < 1 / 3.0) {
            return String.format(Locale.ROOT, pick(HINTING, h, 4), longest);
        }
        return String.format(Locale.ROOT, pick(STATING, h, 4), right);
    }

    private static String pick(String[] from, byte[] h, int offset) {
        return from[(int) (Draws.unit(h, offset) * from.length)];
    }

    /** The option an arguing sentence of the text argues for, if it has one. */
    static java.util.Optional<String> arguedFor(String text) {
        for (Pattern p : ARGUING_PATTERNS) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                return java.util.Optional.of(m.group(1));
            }
        }
        return java.util.Optional.empty();
    }
}
