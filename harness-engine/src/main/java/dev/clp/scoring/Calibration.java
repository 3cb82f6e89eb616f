package dev.clp.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Measures the gates on seeded simulated runs: how often a model whose true gap is exactly at the threshold
 * in every language gets a false FAIL (the family error, promised at most {@code alpha}), and how often a
 * true gap above the threshold is caught. Runs {@link GateFamily#decide}, the engine's own decision code.
 */
public final class Calibration {

    private Calibration() {
    }

    /**
     * The simulated situation.
     *
     * @param runs simulated runs
     * @param languages gates per run
     * @param pairs pairs per language
     * @param englishAccuracy true English accuracy
     * @param maxGap the threshold
     * @param trueGapOverThreshold true gap minus the threshold in every language (0: exactly at it)
     * @param alpha family alpha
     * @param seed random seed
     */
    public record Scenario(int runs, int languages, int pairs, double englishAccuracy, double maxGap,
            double trueGapOverThreshold, double alpha, long seed) {
    }

    /**
     * What happened.
     *
     * @param runsWithAnyFail share of runs where at least one gate failed
     * @param gatesFailed share of all gates that failed
     * @param runsWithAllFail share of runs where every gate failed
     */
    public record Result(Scenario scenario, double runsWithAnyFail, double gatesFailed, double runsWithAllFail) {
    }

    public static Result run(Scenario s) {
        SplittableRandom random = new SplittableRandom(s.seed());
        double pE = s.englishAccuracy();
        double pT = pE - (s.maxGap() + s.trueGapOverThreshold());
        // target answers are usually right only where the English one is: P(target | English wrong) = pT / 2
        double q0 = pT / 2;
        double q1 = (pT - (1 - pE) * q0) / pE;
        int anyFail = 0;
        int allFail = 0;
        long gateFails = 0;
        for (int r = 0; r < s.runs(); r++) {
            List<GateFamily.Input> gates = new ArrayList<>(s.languages());
            for (int l = 0; l < s.languages(); l++) {
                List<GapStatistics.Graded> graded = new ArrayList<>(s.pairs());
                for (int i = 0; i < s.pairs(); i++) {
                    boolean en = random.nextDouble() < pE;
                    boolean target = random.nextDouble() < (en ? q1 : q0);
                    graded.add(new GapStatistics.Graded(en ? 1 : 0, target ? 1 : 0));
                }
                gates.add(new GateFamily.Input("calibration", "l" + l, GateFamily.Kind.GAP, GapStatistics.of(graded),
                        s.maxGap()));
            }
            long failed = GateFamily.decide(gates, s.alpha()).stream().filter(d -> d.verdict() == Verdict.FAIL).count();
            gateFails += failed;
            if (failed > 0) {
                anyFail++;
            }
            if (failed == s.languages()) {
                allFail++;
            }
        }
        return new Result(s, anyFail / (double) s.runs(), gateFails / ((double) s.runs() * s.languages()),
                allFail / (double) s.runs());
    }
}
