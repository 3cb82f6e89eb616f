package dev.clp.cli;

import dev.clp.reports.MarkdownSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code clp summary}: a run's verdict table as Markdown, e.g. for {@code $GITHUB_STEP_SUMMARY} after {@code mvn test}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Prints a run's verdict table as Markdown (for $GITHUB_STEP_SUMMARY).")
final class SummaryCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_JSON", defaultValue = "target/clp/run.json", description = "default: ${DEFAULT-VALUE}")
    private Path run;

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().print(MarkdownSummary.render(run));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("clp summary: " + e.getMessage());
            return 2;
        }
    }
}
