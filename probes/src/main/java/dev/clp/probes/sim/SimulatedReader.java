package dev.clp.probes.sim;

import dev.clp.sim.Draws;
import dev.clp.sim.SimulatedTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a simulated panel model answers the generator's questions (its seed questions, with the distractions it added,
 * in English or read back from a simulated translation): it reads what the added text says, not how the simulation
 * wrote it. Each option pulls by how much of its own words (those no other option has) the added text repeats, sentence
 * by sentence, each sentence weighed by a persuasiveness drawn for it ({@code reader.persuasion.*}, Pareto: most a
 * little, a few a lot). The pull moves probability towards that option: a distraction arguing for a wrong option makes
 * it likelier to be chosen, a sentence naming the right option (a giveaway) makes the right answer likelier, at
 * {@code reader.pull.strength} probit units per unit of pull.
 *
 * <p>Whether the answer is right is a latent draw against the profile's plain accuracy in the language (without the
 * engine's length response, which describes the published pairs: a search's survivors) shifted by the pull: the draw is shared by every prompt of one seed question at
 * {@code reader.seed-correlation} (a question easy in English is easy in its translations and its perturbations, for
 * every model) and by one model's prompts of it at {@code reader.model-correlation} more, the rest drawn per prompt.
 * Each draw is standard normal, so a question without added text is answered right at the profile's rate.
 */
final class SimulatedReader {

    private static final String SALT = "clp-sim-reader-v2";
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？]+[.!?。！？]*");
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "of", "and", "or", "to", "in", "on",
            "is", "it", "for", "with", "by", "as", "at", "be", "are", "was", "that", "this", "from", "its", "their");

    private SimulatedReader() {
    }

    /**
     * The salt of the reader's draws: replicate 0 is the default; another ({@code reader.replicate}) draws every
     * persuasiveness and latent draw afresh at the same rates, to tell what a figure owes to the draws.
     */
    private static String seed() {
        long replicate = (long) SimulationRates.get("reader.replicate");
        return replicate == 0 ? SALT : SALT + "/" + replicate;
    }

    /** The option the reader picks. */
    static OptionalInt choose(SimulatedTask.Asked q) {
        double[] pull = pull(q.added(), q.question(), q.choices());
        // a unit of pull moves the probit by strength x the reader's plain error in the language: a reader sure of
        // itself (most models in English) is hard to move, one that often errs (in Chinese) easily
        double unit = SimulationRates.get("reader.pull.strength") * (1 - q.plainAccuracy());
        double away = 0;
        for (int i = 0; i < pull.length; i++) {
            away += i == q.right() ? 0 : pull[i];
        }
        // persuasion compounds: the probit moves by the pull raised to reader.pull.exponent, so one distraction does
        // little and several arguing for the same option together do much more than their sum (1: additive)
        double exponent = SimulationRates.get("reader.pull.exponent");
        double threshold = probit(q.plainAccuracy()) + unit * (Math.pow(pull[q.right()], exponent)
                - Math.pow(away, exponent));
        double rho = SimulationRates.get("reader.seed-correlation");
        double kappa = Math.min(1 - rho, SimulationRates.get("reader.model-correlation"));
        String seed = q.question().strip();
        // the rest of the variance: one model's in one language (its reading of this question in Chinese), of which
        // the share reader.prompt-noise is drawn afresh for every prompt (the added text, the options' order, the
        // sample): at 1 every new candidate re-rolls the answer whatever its distraction says
        double rest = Math.max(0, 1 - rho - kappa);
        double noise = rest * SimulationRates.get("reader.prompt-noise");
        String inLang = seed + '\u001f' + q.model() + '\u001f' + q.lang();
        double v = Math.sqrt(rho) * normal(seed)
                + Math.sqrt(kappa) * normal(seed + '\u001f' + q.model())
                + Math.sqrt(rest - noise) * normal(inLang)
                + Math.sqrt(noise) * normal(inLang + '\u001f' + q.added() + '\u001f' + q.choices() + '\u001f'
                        + q.sample());
        if (v < threshold) {
            return OptionalInt.of(q.right());
        }
        // wrong: among the wrong options, each as likely as 1 + aim x its pull
        double aim = SimulationRates.get("reader.pull.aim");
        double total = 0;
        for (int i = 0; i < pull.length; i++) {
            total += i == q.right() ? 0 : 1 + aim * pull[i];
        }
        double u = Draws.unit(Draws.hash(seed() + "\u001fwrong\u001f" + seed + '\u001f' + q.model() + '\u001f'
                + q.added() + '\u001f' + q.choices() + '\u001f' + q.sample()), 0) * total;
        for (int i = 0; i < pull.length; i++) {
            if (i == q.right()) {
                continue;
            }
            u -= 1 + aim * pull[i];
            if (u < 0) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.of(q.right() == 0 ? pull.length - 1 : 0);
    }

    /**
     * Each option's pull from the added text: over its sentences, the share of the option's own words (not in another
     * option, nor a function word) the sentence holds, times the sentence's persuasiveness.
     */
    static double[] pull(String added, String question, List<String> choices) {
        double[] out = new double[choices.size()];
        if (added == null || added.isBlank()) {
            return out;
        }
        List<Set<String>> own = ownWords(choices);
        Matcher m = SENTENCE.matcher(added);
        while (m.find()) {
            String sentence = m.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            Set<String> said = words(sentence);
            double weight = -1;
            for (int i = 0; i < own.size(); i++) {
                Set<String> mine = own.get(i);
                if (mine.isEmpty()) {
                    continue;
                }
                long found = mine.stream().filter(said::contains).count();
                if (found > 0) {
                    weight = weight < 0 ? persuasion(sentence + '\u001f' + question) : weight;
                    out[i] += weight * found / mine.size();
                }
            }
        }
        return out;
    }

    /** Each option's own words: its words that no other option has. */
    static List<Set<String>> ownWords(List<String> choices) {
        List<Set<String>> own = new ArrayList<>();
        for (String c : choices) {
            own.add(words(c));
        }
        for (int i = 0; i < own.size(); i++) {
            Set<String> mine = new HashSet<>(own.get(i));
            for (int j = 0; j < own.size(); j++) {
                if (j != i) {
                    mine.removeAll(words(choices.get(j)));
                }
            }
            own.set(i, mine);
        }
        return own;
    }

    /** The lower-cased words of a text (letters and digits), function words left out. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            if (!FUNCTION_WORDS.contains(m.group())) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** A Pareto-distributed multiple (scale × ((1 − u)^(−1/shape) − 1)), capped at 40. */
    private static double persuasion(String key) {
        double u = Draws.unit(Draws.hash(seed() + "\u001fpersuasion\u001f" + key), 0);
        double w = SimulationRates.get("reader.persuasion.scale")
                * (Math.pow(1 - u, -1 / SimulationRates.get("reader.persuasion.shape")) - 1);
        return Math.min(40, w);
    }

    /** A standard normal draw from a hash of the key. */
    private static double normal(String key) {
        double u = Draws.unit(Draws.hash(seed() + '\u001f' + key), 0);
        return probit(Math.min(1 - 1e-12, Math.max(1e-12, u)));
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double probit(double p) {
        if (p <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1) {
            return Double.POSITIVE_INFINITY;
        }
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            return -probit(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }
}
