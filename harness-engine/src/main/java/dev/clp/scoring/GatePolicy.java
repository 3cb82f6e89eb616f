package dev.clp.scoring;

import dev.clp.config.ClpConstants;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * What the run's gates demand, from the {@code clp.gate.*} keys.
 *
 * @param maxGap allowed English-minus-target gap per language ({@code clp.gate.max-gap[.<lang>]})
 * @param tolerance allowed regression against the baseline ({@code clp.gate.tolerance})
 * @param alpha family error rate of the run's blocking gates ({@code clp.gate.alpha})
 * @param minAnswered the share of a language's pairs that must have a readable answer on both sides
 *     ({@code clp.gate.min-answered}); 0 allows a language with no data
 * @param minBaselineCoverage the share of a language's pairs the baseline must have an answered result for
 *     ({@code clp.gate.min-baseline-coverage})
 * @param allowUnderpowered an INCONCLUSIVE gate on a suite too small to detect its threshold only warns
 *     ({@code clp.gate.allow-underpowered})
 * @param inconclusiveFails every INCONCLUSIVE gate fails ({@code clp.gate.inconclusive=fail})
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GatePolicy(ToDoubleFunction<String> maxGap, double tolerance, double alpha, double minAnswered,
        double minBaselineCoverage, boolean allowUnderpowered, boolean inconclusiveFails) {

    /** The defaults of every key, with the given allowed gap. */
    public static GatePolicy defaults(double maxGap) {
        return new GatePolicy(lang -> maxGap, 0.0, ClpConstants.ALPHA_DEFAULT, ClpConstants.MIN_ANSWERED_DEFAULT,
                ClpConstants.MIN_BASELINE_COVERAGE_DEFAULT, false, false);
    }
}
