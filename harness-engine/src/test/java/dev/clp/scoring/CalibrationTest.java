package dev.clp.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The gates' promise, measured on 1,000 seeded runs of 16 languages × 300 pairs (the same figures
 * {@code clp calibrate} prints).
 */
class CalibrationTest {

    @Test
    void atTheThresholdAtMostOneRunInAHundredSeesAFalseFail() {
        Calibration.Result r = Calibration.run(new Calibration.Scenario(1000, 16, 300, 0.95, 0.10, 0.0, 0.01, 20261122));
        assertThat(r.runsWithAnyFail()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void tenPointsAboveTheThresholdIsCaughtInAtLeastEightyPercentOfRuns() {
        Calibration.Result r = Calibration.run(new Calibration.Scenario(1000, 16, 300, 0.95, 0.10, 0.10, 0.01, 20261123));
        assertThat(r.runsWithAnyFail()).isGreaterThanOrEqualTo(0.80);
        assertThat(r.gatesFailed()).isGreaterThanOrEqualTo(0.80);
    }
}
