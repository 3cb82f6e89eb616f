package dev.clp.probes;

import dev.clp.probes.sim.GroundTruth;
import dev.clp.suite.Pair;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What is wrong with a pair found against the simulator, known from the simulation's record of the faults it put in
 * ({@link GroundTruth}: a distraction giving the answer away, text or a sentence left untranslated, a translation that
 * says more than the English, a translation that moved the right option, a translated answer that matches no
 * option), never from marks in the pair's text: the checks under test cannot see what grades them. The improved
 * strategy's checks exist to keep such pairs out; this counts how many got through, for the efficiency figures.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SimulatedDefects {

    private SimulatedDefects() {
    }

    /** The defect of a simulated pair, if the record says it has one. */
    public static Optional<String> of(Pair pair) {
        return GroundTruth.grade(pair).defect();
    }

    /** The simulated judge's catch and false-alarm rates so far, by the record, and how many it judged of each. */
    public static double[] judgeRates() {
        return GroundTruth.judgeRates();
    }

    /** The simulated judge's configured catch and false-alarm rates: what a giveaway naming the whole option meets. */
    public static double[] judgeConfigured() {
        return GroundTruth.judgeConfigured();
    }

    /** Whether the record holds the pair's texts at all (a pair it cannot grade is neither sound nor defective). */
    public static boolean graded(Pair pair) {
        return GroundTruth.grade(pair).grade() != GroundTruth.Grade.UNKNOWN;
    }
}
