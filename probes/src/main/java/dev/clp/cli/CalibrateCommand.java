package dev.clp.cli;

import dev.clp.scoring.Calibration;
import dev.clp.scoring.RunGates;
import dev.clp.suite.SuiteReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp calibrate}: how often the gates cry wolf, and how often they catch a real gap, on a real suite's shape. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measures how often the gates err on a suite's shape, by seeded simulation.",
                "Simulates seeded runs on a suite's real shape (its languages and the number of pairs per source "
                + "question) under several correlation structures, and applies the engine's own gate decision (cluster "
                + "score test, Holm over the run's gates). Prints per scenario the share of runs with a false FAIL "
                + "(promised at most alpha) and with a PASS while every gate sits at its threshold, and the power when "
                + "the truth lies --over beyond it. Without --suite it uses the published pairs' cluster sizes. Exit "
                + "status 1 when a scenario's false-FAIL rate is above alpha, 2 for bad options."})
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", paramLabel = "DIR", description = "A suite directory (repeatable): its pairs files give the "
            + "languages and cluster sizes. Default: the published Cross-Lingual Pitfalls pairs' cluster sizes")
    private List<Path> suites = new ArrayList<>();

    @Option(names = "--runs", defaultValue = "1000", description = "Simulated runs per scenario (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(names = "--english-accuracy", defaultValue = "0.90",
            description = "True English accuracy in the gap scenarios (default ${DEFAULT-VALUE})")
    private double english;

    @Option(names = "--baseline-accuracy", defaultValue = "0.70",
            description = "The baseline's true target accuracy in the regression scenarios (default ${DEFAULT-VALUE})")
    private double baseline;

    @Option(names = "--max-gap", defaultValue = "0.10", description = "clp.gate.max-gap (default ${DEFAULT-VALUE})")
    private double maxGap;

    @Option(names = "--tolerance", defaultValue = "0", description = "clp.gate.tolerance (default ${DEFAULT-VALUE})")
    private double tolerance;

    @Option(names = "--alpha", defaultValue = "0.01", description = "clp.gate.alpha (default ${DEFAULT-VALUE})")
    private double alpha;

    @Option(names = "--over", defaultValue = "0.10",
            description = "How far beyond the threshold the truth lies in the power runs (default ${DEFAULT-VALUE})")
    private double over;

    @Option(names = "--seed", defaultValue = "20261122", description = "Random seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String problem = check();
        if (problem != null) {
            err.println("clp calibrate: " + problem);
            err.flush();
            return 2;
        }
        Calibration.Shape shape;
        try {
            shape = suites.isEmpty() ? Calibration.Shape.published() : shape(suites);
        } catch (IllegalArgumentException | IOException e) {
            err.println("clp calibrate: " + e.getMessage());
            err.flush();
            return 2;
        }
        Calibration.Settings settings = new Calibration.Settings(runs, english, baseline, maxGap, tolerance, alpha, over,
                seed);
        out.printf(Locale.ROOT, "gate calibration on %s: %d languages, %,d pairs; %d seeded runs per scenario, family alpha"
                + " %s (Holm), max gap %.1f points, tolerance %.1f points%n", shape.name(), shape.clusterSizes().size(),
                shape.pairs(), runs, alpha, maxGap * 100, tolerance * 100);
        out.printf(Locale.ROOT, "%-54s %-24s %-11s %s%n", "scenario", "false FAIL (95% CI)", "false PASS",
                String.format(Locale.ROOT, "power at +%.0f points (gates / runs)", over * 100));
        long start = System.nanoTime();
        boolean broken = false;
        for (Calibration.Scenario scenario : Calibration.standardScenarios()) {
            Calibration.Result r = Calibration.run(shape, scenario, settings);
            double[] ci = r.falseFailInterval();
            boolean above = r.falseFailRate() > alpha;
            broken |= above;
            out.printf(Locale.ROOT, "%-54s %5.2f%% [%4.2f, %4.2f]%s %6.2f%%     %6.1f%% / %5.1f%%%n", scenario.name(),
                    r.falseFailRate() * 100, ci[0] * 100, ci[1] * 100, above ? " !" : "  ", r.falsePassRate() * 100,
                    r.gatesCaught() * 100, r.runsCaught() * 100);
            out.flush();
        }
        out.printf(Locale.ROOT, "false FAIL: runs with any FAIL while every gate sits exactly at its threshold (promised at "
                + "most %.2f%%)%s; false PASS: runs with any PASS there; (%.1f s)%n", alpha * 100,
                broken ? "; ! marks a scenario above the promise" : "", (System.nanoTime() - start) / 1e9);
        out.flush();
        return broken ? 1 : 0; // a scenario above the promise is a failure CI can see
    }

    private String check() {
        if (runs < 1) {
            return "--runs must be at least 1, got " + runs;
        }
        if (!(alpha > 0 && alpha < 1)) {
            return "--alpha must be between 0 and 1, got " + alpha;
        }
        String problem = fraction("--english-accuracy", english);
        problem = problem != null ? problem : fraction("--baseline-accuracy", baseline);
        problem = problem != null ? problem : fraction("--max-gap", maxGap);
        problem = problem != null ? problem : fraction("--tolerance", tolerance);
        problem = problem != null ? problem : fraction("--over", over);
        if (problem == null && english - maxGap - over < 0) {
            problem = "--english-accuracy " + english + " leaves no target accuracy for a gap of --max-gap + --over";
        }
        if (problem == null && baseline - tolerance - over < 0) {
            problem = "--baseline-accuracy " + baseline + " leaves no candidate accuracy for --tolerance + --over";
        }
        return problem;
    }

    private static String fraction(String option, double value) {
        return value >= 0 && value <= 1 ? null : option + " must be between 0 and 1, got " + value;
    }

    /** The languages and cluster sizes of the suites' pairs files (the clusters the gates use: RunGates.cluster). */
    private static Calibration.Shape shape(List<Path> dirs) throws IOException {
        Map<String, List<String>> keys = new TreeMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(dir + ": not a suite directory");
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.getFileName().toString().matches("pairs-.+\\.jsonl")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException(dir + ": no pairs-<lang>.jsonl files");
            }
            for (Path f : files) {
                SuiteReader.LanguageFile lf = SuiteReader.read(f);
                // one gate per suite and language, as the engine builds them
                String gate = dirs.size() > 1 ? dir.getFileName() + "/" + lf.lang() : lf.lang();
                List<String> list = keys.computeIfAbsent(gate, k -> new ArrayList<>());
                lf.pairs().forEach(p -> list.add(dir + "\u001f" + RunGates.cluster(p)));
            }
        }
        return Calibration.Shape.fromClusters(String.join(", ", dirs.stream().map(Path::toString).toList()), keys);
    }
}
