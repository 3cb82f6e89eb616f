package dev.clp.probes;

import dev.clp.probes.sim.SimulatedText;
import dev.clp.suite.Pair;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What is wrong with a pair found against the simulator, known from how the simulator makes its faults (its
 * ground truth): a distraction that gives the answer away, a target side left untranslated, or a translation
 * that moved the right option (the target's answer index then points at another option). The checks of the improved strategy exist to keep such pairs out; this counts
 * how many got through, for the efficiency figures.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SimulatedDefects {

    private SimulatedDefects() {
    }

    /** The defect of a simulated pair, if it has one. */
    public static Optional<String> of(Pair pair) {
        if (pair.en().question().contains(SimulatedText.GIVEAWAY)) {
            return Optional.of("gives the answer away");
        }
        // each distraction was translated on its own, and the question too: one mark each
        int steps = pair.perturbation() == null || pair.perturbation().steps() == null ? 0 : pair.perturbation().steps();
        boolean untranslated = marks(pair.target().question()) < steps + 1
                || pair.target().choices().stream().anyMatch(c -> !SimulatedText.isSimulatedTranslation(c));
        if (untranslated) {
            return Optional.of("text left untranslated");
        }
        String targetAnswer = SimulatedText.strip(pair.target().answerText()).strip();
        if (!targetAnswer.equals(pair.en().answerText().strip())) {
            return Optional.of("right option moved in translation");
        }
        return Optional.empty();
    }

    /** How many simulated-translation marks the text holds. */
    private static int marks(String text) {
        int n = 0;
        for (int at = text.indexOf("⟦sim:"); at >= 0; at = text.indexOf("⟦sim:", at + 1)) {
            n++;
        }
        return n;
    }
}
