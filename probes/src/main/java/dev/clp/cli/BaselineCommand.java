package dev.clp.cli;

import dev.clp.scoring.Baseline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code clp baseline}: records a model's results to compare later candidates with. */
@Command(name = "baseline", mixinStandardHelpOptions = true, description = "Baselines for the regression gate.",
        subcommands = {BaselineCommand.Record.class})
final class BaselineCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code clp baseline record}: run.json → baseline file. */
    @Command(name = "record", mixinStandardHelpOptions = true,
            description = {"Writes a baseline file from a run's run.json.",
                    "The file holds every pair's outcome and correct shares,",
                    "the model, date, K, temperature and suite versions. Commit it, then run candidates with",
                    "-Dclp.baseline=<file>. (-Dclp.baseline=<file> -Dclp.baseline.update=true does the same at the",
                    "end of a run.)"})
    static final class Record implements Callable<Integer> {

        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @Option(names = "--run", paramLabel = "RUN_JSON", defaultValue = "target/clp/run.json",
                description = "The run's results (default: ${DEFAULT-VALUE})")
        private Path run;

        @Option(names = "--output", required = true, paramLabel = "FILE", description = "The baseline file to write")
        private Path output;

        @Override
        public Integer call() {
            try {
                Baseline b = Baseline.fromRun(run);
                b.write(output);
                int pairs = b.pairs().values().stream().mapToInt(java.util.Map::size).sum();
                long weak = b.pairs().values().stream().flatMap(m -> m.values().stream()).filter(Baseline.PairResult::weak).count();
                spec.commandLine().getOut().printf("baseline for %s written to %s: %d pairs (%d weak) in %s%n",
                        b.model(), output, pairs, weak, b.suites());
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("clp baseline record: " + e.getMessage());
                return 2;
            }
        }
    }
}
