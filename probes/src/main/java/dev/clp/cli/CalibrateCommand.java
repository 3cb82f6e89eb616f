package dev.clp.cli;

import dev.clp.scoring.Calibration;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp calibrate}: how often the gates cry wolf, and how often they catch a real gap. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Simulates seeded runs and applies the engine's gate decision (Holm over the run's gates)",
                "to measure (1) runs with any false FAIL when the true gap is exactly at the threshold in every",
                "language, promised at most alpha, and (2) how often a true gap above the threshold is caught."})
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "1000", description = "Simulated runs per scenario (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--languages", defaultValue = "16", description = "Gates per run (default ${DEFAULT-VALUE})")
    private int languages;

    @Option(names = "--pairs", defaultValue = "300", description = "Pairs per language (default ${DEFAULT-VALUE})")
    private int pairs;

    @Option(names = "--english-accuracy", defaultValue = "0.95", description = "True English accuracy (default ${DEFAULT-VALUE})")
    private double english;

    @Option(names = "--max-gap", defaultValue = "0.10", description = "clp.gate.max-gap (default ${DEFAULT-VALUE})")
    private double maxGap;

    @Option(names = "--alpha", defaultValue = "0.01", description = "clp.gate.alpha (default ${DEFAULT-VALUE})")
    private double alpha;

    @Option(names = "--over", defaultValue = "0.10",
            description = "True gap above the threshold in the power scenario (default ${DEFAULT-VALUE})")
    private double over;

    @Option(names = "--seed", defaultValue = "20261122", description = "Random seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Calibration.Result atThreshold = Calibration.run(new Calibration.Scenario(runs, languages, pairs, english, maxGap,
                0.0, alpha, seed));
        Calibration.Result above = Calibration.run(new Calibration.Scenario(runs, languages, pairs, english, maxGap,
                over, alpha, seed + 1));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "gate calibration: %d seeded runs x %d languages x %d pairs, English %.0f%%, max gap %.1f "
                + "points, family alpha %s (Holm)%n", runs, languages, pairs, english * 100, maxGap * 100, alpha);
        out.printf(Locale.ROOT, "true gap at the threshold:        runs with any false FAIL  %6.2f%%  (promised <= %.2f%%)%s%n",
                atThreshold.runsWithAnyFail() * 100, alpha * 100,
                atThreshold.runsWithAnyFail() <= alpha ? "" : "  ABOVE THE PROMISE");
        out.printf(Locale.ROOT, "true gap %.1f points above it:     runs with a FAIL          %6.2f%%;  gates failed %6.2f%%;"
                + "  runs with every gate failed %6.2f%%%n", over * 100, above.runsWithAnyFail() * 100,
                above.gatesFailed() * 100, above.runsWithAllFail() * 100);
        out.printf(Locale.ROOT, "(%.1f s)%n", seconds);
        out.flush();
        return 0;
    }
}
