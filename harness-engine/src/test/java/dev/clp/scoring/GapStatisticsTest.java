package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GapStatisticsTest {

    static List<GapStatistics.Graded> table(int bothRight, int firstOnly, int secondOnly, int bothWrong) {
        List<GapStatistics.Graded> list = new ArrayList<>();
        for (int i = 0; i < bothRight; i++) {
            list.add(new GapStatistics.Graded(1, 1));
        }
        for (int i = 0; i < firstOnly; i++) {
            list.add(new GapStatistics.Graded(1, 0));
        }
        for (int i = 0; i < secondOnly; i++) {
            list.add(new GapStatistics.Graded(0, 1));
        }
        for (int i = 0; i < bothWrong; i++) {
            list.add(new GapStatistics.Graded(0, 0));
        }
        return list;
    }

    @Test
    void wilsonMatchesTheTextbookValue() {
        double[] w = GapStatistics.wilson(0, 10, 1.959964);
        assertThat(w[0]).isEqualTo(0.0);
        assertThat(w[1]).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void pointEstimatesAreTheAccuraciesAndTheirDifference() {
        GapStatistics s = GapStatistics.of(table(50, 30, 5, 15));
        assertThat(s.n()).isEqualTo(100);
        assertThat(s.firstAccuracy()).isEqualTo(0.80);
        assertThat(s.secondAccuracy()).isEqualTo(0.55);
        assertThat(s.difference()).isCloseTo(0.25, within(1e-12));
        assertThat(s.lower(0.025)).isLessThan(0.25).isGreaterThan(0.10);
        assertThat(s.upper(0.025)).isGreaterThan(0.25).isLessThan(0.40);
    }

    @Test
    void swappingSidesMirrorsTheInterval() {
        GapStatistics a = GapStatistics.of(table(20, 9, 2, 13));
        GapStatistics b = GapStatistics.of(table(20, 2, 9, 13));
        assertThat(b.lower(0.025)).isCloseTo(-a.upper(0.025), within(1e-12));
        assertThat(b.upper(0.025)).isCloseTo(-a.lower(0.025), within(1e-12));
    }

    @Test
    void smallerAlphaWidensTheBounds() {
        GapStatistics s = GapStatistics.of(table(20, 9, 2, 13));
        assertThat(s.lower(0.001)).isLessThan(s.lower(0.05));
        assertThat(s.upper(0.001)).isGreaterThan(s.upper(0.05));
    }

    @Test
    void thePValueIsTheAlphaAtWhichTheLowerBoundReachesTheThreshold() {
        GapStatistics s = GapStatistics.of(table(40, 35, 5, 20));
        double p = s.pValueAbove(0.10);
        assertThat(p).isBetween(1e-6, 0.05);
        assertThat(s.lower(p * 1.001)).isGreaterThan(0.10);
        assertThat(s.lower(p * 0.999)).isLessThanOrEqualTo(0.10);
        // no net discordance: no evidence of a gap above 10 points
        assertThat(GapStatistics.of(table(40, 5, 5, 20)).pValueAbove(0.10)).isGreaterThan(0.9);
    }

    @Test
    void aStricterToleranceIsNeverMoreLenientAndAgreesWithTheBounds() {
        // independent pairs, one sample: {both right, first only, second only, both wrong} = {180, 11, 2, 7}; an exact
        // McNemar p-value at 0 alone once said INCONCLUSIVE at tolerance 0 and FAIL at 0.001
        GapStatistics s = GapStatistics.of(table(180, 11, 2, 7));
        assertThat(s.pValueAbove(0.0)).isLessThanOrEqualTo(s.pValueAbove(0.001));
        assertThat(s.lower(s.pValueAbove(0.0) * 1.001)).isGreaterThan(0.0);
        assertThat(s.lower(s.pValueAbove(0.0) * 0.999)).isLessThanOrEqualTo(0.0);
        // no discordant pair at all is no evidence either way
        assertThat(GapStatistics.of(table(20, 0, 0, 13)).pValueAbove(0.0)).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void pairsSharingASourceQuestionCountLessThanIndependentOnes() {
        List<GapStatistics.Graded> clustered = new ArrayList<>();
        List<GapStatistics.Graded> independent = new ArrayList<>();
        Random random = new Random(7);
        for (int q = 0; q < 40; q++) {
            boolean targetRight = random.nextDouble() < 0.5;
            for (int k = 0; k < 5; k++) {
                // the five perturbations of one question behave alike
                clustered.add(new GapStatistics.Graded(1, targetRight ? 1 : 0, "q" + q));
                independent.add(new GapStatistics.Graded(1, targetRight ? 1 : 0, null));
            }
        }
        GapStatistics c = GapStatistics.of(clustered);
        GapStatistics i = GapStatistics.of(independent);
        assertThat(c.clusters()).isEqualTo(40);
        assertThat(c.designEffect()).isGreaterThan(4.0);
        assertThat(i.designEffect()).isEqualTo(1.0);
        assertThat(c.difference()).isEqualTo(i.difference());
        assertThat(c.lower(0.01)).isLessThan(i.lower(0.01));
        assertThat(c.minimumDetectableEffect(0.01, 0.8)).isGreaterThan(i.minimumDetectableEffect(0.01, 0.8));
    }

    @Test
    void boundsStayInsideMinusOneToOneAtTheExtremes() {
        GapStatistics all = GapStatistics.of(table(0, 12, 0, 0));
        assertThat(all.difference()).isEqualTo(1.0);
        assertThat(all.upper(0.001)).isEqualTo(1.0);
        // twelve pairs cannot reach 99.9 % (the score statistic is at most the square root of the questions) ...
        assertThat(all.lower(0.001)).isBetween(-1.0, 1.0);
        // ... but they do show a positive gap at 95 %
        assertThat(all.lower(0.05)).isBetween(0.0, 1.0);
    }

    @Test
    void theOneSidedLowerBoundCoversTheTrueGapAtLeastAsOftenAsPromised() {
        // 2,000 seeded paired samples of n = 60, English 0.9, target 0.6 (target right only where English is): gap 0.30
        Random random = new Random(42);
        int misses = 0;
        int runs = 2000;
        for (int r = 0; r < runs; r++) {
            List<GapStatistics.Graded> pairs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                double u = random.nextDouble();
                pairs.add(new GapStatistics.Graded(u < 0.9 ? 1 : 0, u < 0.6 ? 1 : 0));
            }
            if (GapStatistics.of(pairs).lower(0.05) > 0.30) {
                misses++;
            }
        }
        assertThat(misses / (double) runs).isLessThan(0.065);
    }

    @Test
    void samplesAboveOneUseTheScoreTest() {
        List<GapStatistics.Graded> pairs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pairs.add(new GapStatistics.Graded(1.0, i % 3 == 0 ? 1.0 / 3 : 2.0 / 3));
        }
        GapStatistics s = GapStatistics.of(pairs);
        assertThat(s.difference()).isCloseTo(1 - (10 * (1.0 / 3) + 20 * (2.0 / 3)) / 30, within(1e-12));
        assertThat(s.lower(0.025)).isLessThan(s.difference());
        assertThat(s.upper(0.025)).isGreaterThan(s.difference());
        assertThat(s.pValueAbove(0.0)).isLessThan(1e-4);
    }

    @Test
    void oneSourceQuestionIsOneObservationHoweverManyPairsItHas() {
        // 100 perturbations of one question, all English right and target wrong: one cluster can never convict
        List<GapStatistics.Graded> pairs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pairs.add(new GapStatistics.Graded(1, i % 4 == 0 ? 1 : 0, "only-question"));
        }
        GapStatistics s = GapStatistics.of(pairs);
        assertThat(s.clusters()).isEqualTo(1);
        assertThat(s.pValueAbove(0.10)).isGreaterThan(0.2);
        assertThat(s.lower(0.01)).isEqualTo(-1.0);
        assertThat(s.upper(0.01)).isEqualTo(1.0);
    }

    @Test
    void twoPairsWithTheSameFractionalGapGiveNoCertainty() {
        // K = 3: two pairs each with English 3/3 and target 2/3 (d = 1/3): no zero-variance certainty
        List<GapStatistics.Graded> pairs = List.of(new GapStatistics.Graded(1, 2.0 / 3, "a"),
                new GapStatistics.Graded(1, 2.0 / 3, "b"));
        GapStatistics s = GapStatistics.of(pairs);
        assertThat(s.pValueAbove(0.10)).isGreaterThan(0.05);
        assertThat(s.upper(0.01) - s.lower(0.01)).isGreaterThan(0.5);
    }

    @Test
    void theBoundsAreTheThresholdsAtWhichTheTestStartsToReject() {
        List<GapStatistics.Graded> pairs = new ArrayList<>();
        Random random = new Random(11);
        for (int q = 0; q < 50; q++) {
            int size = 1 + random.nextInt(9);
            double clusterTarget = random.nextDouble();
            for (int k = 0; k < size; k++) {
                pairs.add(new GapStatistics.Graded(random.nextDouble() < 0.95 ? 1 : 0,
                        random.nextDouble() < clusterTarget ? 1 : 0, "q" + q));
            }
        }
        GapStatistics s = GapStatistics.of(pairs);
        double lower = s.lower(0.01);
        double upper = s.upper(0.01);
        assertThat(lower).isLessThan(s.difference());
        assertThat(upper).isGreaterThan(s.difference());
        assertThat(s.pValueAbove(lower - 1e-6)).isLessThanOrEqualTo(0.01);
        assertThat(s.pValueAbove(lower + 1e-6)).isGreaterThan(0.01);
        assertThat(s.pValueBelow(upper + 1e-6)).isLessThanOrEqualTo(0.01);
        assertThat(s.pValueBelow(upper - 1e-6)).isGreaterThan(0.01);
    }

    @Test
    void clusteringShrinksTheEffectiveNumberOfObservations() {
        // the same 300 pair outcomes, once as 300 independent pairs and once as 30 questions of 10 alike pairs
        List<GapStatistics.Graded> clustered = new ArrayList<>();
        List<GapStatistics.Graded> independent = new ArrayList<>();
        Random random = new Random(5);
        for (int q = 0; q < 30; q++) {
            boolean hard = random.nextDouble() < 0.3;
            for (int k = 0; k < 10; k++) {
                int target = hard ? (random.nextDouble() < 0.2 ? 1 : 0) : (random.nextDouble() < 0.95 ? 1 : 0);
                clustered.add(new GapStatistics.Graded(1, target, "q" + q));
                independent.add(new GapStatistics.Graded(1, target));
            }
        }
        GapStatistics c = GapStatistics.of(clustered);
        GapStatistics i = GapStatistics.of(independent);
        assertThat(c.degreesOfFreedom()).isLessThanOrEqualTo(30.0 + 1e-9); // at most the number of questions
        assertThat(i.degreesOfFreedom()).isGreaterThan(30.0);
        assertThat(c.minimumDetectableEffect(0.01, 0.8)).isGreaterThan(1.5 * i.minimumDetectableEffect(0.01, 0.8));
        assertThat(c.pValueAbove(0.10)).isGreaterThan(i.pValueAbove(0.10));
    }
}
