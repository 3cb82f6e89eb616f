package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateFamilyTest {

    @Test
    void holmAdjustsStepDownAndKeepsTheOrderGiven() {
        double[] adjusted = Holm.adjust(new double[] {0.03, 0.001, 0.02, 0.5});
        assertThat(adjusted[1]).isCloseTo(0.004, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[0]).isCloseTo(0.06, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.5, within(1e-12));
    }

    private static GateFamily.Input gate(String lang, int right, int englishOnly, int targetOnly, int wrong) {
        return new GateFamily.Input("s", lang, GateFamily.Kind.GAP,
                GapStatistics.of(GapStatisticsTest.table(right, englishOnly, targetOnly, wrong)), 0.10);
    }

    @Test
    void aClearGapFailsAClearlySmallOnePassesAndTheRestIsInconclusive() {
        List<GateFamily.Decision> d = GateFamily.decide(List.of(
                gate("yo", 100, 150, 5, 45),
                gate("fr", 280, 3, 3, 14),
                gate("sw", 8, 3, 1, 0),
                new GateFamily.Input("s", "zu", GateFamily.Kind.GAP, GapStatistics.of(List.of()), 0.10)), 0.01);
        assertThat(d).extracting(GateFamily.Decision::verdict)
                .containsExactly(Verdict.FAIL, Verdict.PASS, Verdict.INCONCLUSIVE, Verdict.NO_DATA);
        assertThat(d.get(0).boundsAlpha()).isCloseTo(0.01 / 3, within(1e-15));
        assertThat(d.get(0).adjustedP()).isLessThanOrEqualTo(0.01);
        assertThat(d.get(0).minimumDetectableEffect()).isBetween(0.0, 0.2);
    }

    @Test
    void moreGatesInTheFamilyMakeEachOneHarderToFail() {
        GateFamily.Input borderline = gate("yo", 150, 70, 20, 60);
        double alone = GateFamily.decide(List.of(borderline), 0.01).get(0).adjustedP();
        List<GateFamily.Input> many = new java.util.ArrayList<>(List.of(borderline));
        for (int i = 0; i < 15; i++) {
            many.add(gate("x" + i, 280, 3, 3, 14));
        }
        double inFamily = GateFamily.decide(many, 0.01).get(0).adjustedP();
        assertThat(inFamily).isCloseTo(Math.min(1, alone * 16), within(1e-12));
    }
}
