package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GapStatisticsTest {

    private static List<GapStatistics.Graded> table(int bothRight, int englishOnly, int targetOnly, int bothWrong) {
        List<GapStatistics.Graded> list = new ArrayList<>();
        for (int i = 0; i < bothRight; i++) {
            list.add(new GapStatistics.Graded(1, 1));
        }
        for (int i = 0; i < englishOnly; i++) {
            list.add(new GapStatistics.Graded(1, 0));
        }
        for (int i = 0; i < targetOnly; i++) {
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
        GapStatistics s = GapStatistics.of(table(50, 30, 5, 15), 0.025);
        assertThat(s.n()).isEqualTo(100);
        assertThat(s.englishAccuracy()).isEqualTo(0.80);
        assertThat(s.targetAccuracy()).isEqualTo(0.55);
        assertThat(s.gap()).isCloseTo(0.25, within(1e-12));
        assertThat(s.lower()).isLessThan(0.25).isGreaterThan(0.10);
        assertThat(s.upper()).isGreaterThan(0.25).isLessThan(0.40);
    }

    @Test
    void swappingLanguagesMirrorsTheInterval() {
        GapStatistics a = GapStatistics.of(table(20, 9, 2, 13), 0.025);
        GapStatistics b = GapStatistics.of(table(20, 2, 9, 13), 0.025);
        assertThat(b.lower()).isCloseTo(-a.upper(), within(1e-12));
        assertThat(b.upper()).isCloseTo(-a.lower(), within(1e-12));
    }

    @Test
    void smallerAlphaWidensTheBounds() {
        GapStatistics wide = GapStatistics.of(table(20, 9, 2, 13), 0.001);
        GapStatistics narrow = GapStatistics.of(table(20, 9, 2, 13), 0.05);
        assertThat(wide.lower()).isLessThan(narrow.lower());
        assertThat(wide.upper()).isGreaterThan(narrow.upper());
    }

    @Test
    void verdictsFollowTheThreeZones() {
        assertThat(GapStatistics.of(table(10, 80, 0, 10), 0.001).verdict(0.1)).isEqualTo(Verdict.FAIL);
        assertThat(GapStatistics.of(table(190, 1, 1, 8), 0.001).verdict(0.1)).isEqualTo(Verdict.PASS);
        assertThat(GapStatistics.of(table(8, 2, 1, 1), 0.001).verdict(0.1)).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(GapStatistics.of(List.of(), 0.01).verdict(0.1)).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void boundsStayInsideMinusOneToOneAtTheExtremes() {
        GapStatistics all = GapStatistics.of(table(0, 12, 0, 0), 0.001);
        assertThat(all.gap()).isEqualTo(1.0);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isBetween(0.0, 1.0);
    }

    @Test
    void oneSidedLowerBoundCoversTheTrueGapAtLeastAsOftenAsPromised() {
        // 2,000 seeded paired samples of n = 60 with English 0.9, target 0.6, correlated: true gap 0.30
        Random random = new Random(42);
        int misses = 0;
        int runs = 2000;
        for (int r = 0; r < runs; r++) {
            List<GapStatistics.Graded> pairs = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                double u = random.nextDouble();
                boolean en = u < 0.9;
                boolean target = u < 0.6;
                pairs.add(new GapStatistics.Graded(en ? 1 : 0, target ? 1 : 0));
            }
            if (GapStatistics.of(pairs, 0.05).lower() > 0.30) {
                misses++;
            }
        }
        // promised: at most 5 % of lower bounds above the truth; allow for simulation error
        assertThat(misses / (double) runs).isLessThan(0.065);
    }

    @Test
    void samplesAboveOneUseThePairedTInterval() {
        List<GapStatistics.Graded> pairs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pairs.add(new GapStatistics.Graded(1.0, i % 3 == 0 ? 1.0 / 3 : 2.0 / 3));
        }
        GapStatistics s = GapStatistics.of(pairs, 0.025);
        assertThat(s.gap()).isCloseTo(1 - (10 * (1.0 / 3) + 20 * (2.0 / 3)) / 30, within(1e-12));
        assertThat(s.lower()).isLessThan(s.gap());
        assertThat(s.upper()).isGreaterThan(s.gap());
    }
}
