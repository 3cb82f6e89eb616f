package dev.clp.cli;

import dev.clp.model.SafeText;
import dev.clp.reports.MarkdownSummary;
import dev.clp.run.GatesDocument;
import dev.clp.run.RunDocument;
import dev.clp.scoring.Baseline;
import dev.clp.scoring.ShardMerge;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clp merge}: the shards of a run ({@code clp.shard=i/n}) decided as one run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the shards of one run (clp run -Dclp.shard=i/n) and decides every gate over all of them.",
                "Reads each shard's run.json, refuses shards that are not of one run (another model, suite version,",
                "setting or shard count; a shard missing or given twice; a pair in two shards), decides every gate",
                "over the union in one Holm family, exactly as a whole run does, and writes run.json and gates.json.",
                "Exit status, as clp run's: 0 all gates pass or are inconclusive, 1 a gate failed or a pair ended in an",
                "error (or, with clp.fail-on=pairs, a new weak pair), 2 the shards cannot be merged or a file cannot",
                "be read or written."})
final class MergeCommand implements Callable<Integer> {

    static final String DEFAULT_OUTPUT = "target/clp-merged";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*",
            description = "Each shard's results directory (its clp.results.dir, holding run.json), or its run.json")
    private List<Path> shards = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR",
            description = "Where the merged run.json and gates.json go. Default: " + DEFAULT_OUTPUT)
    private Path output = Path.of(DEFAULT_OUTPUT);

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "The baseline of the regression gate (clp.baseline of the shards); needed when they ran with one")
    private Path baseline;

    @Option(names = "--summary-markdown", paramLabel = "FILE",
            description = "Also write the verdict table as Markdown (e.g. $GITHUB_STEP_SUMMARY); appends")
    private Path markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = output.toAbsolutePath().normalize();
        for (Path shard : shards) {
            Path dir = Files.isDirectory(shard) ? shard : shard.toAbsolutePath().getParent();
            if (dir != null && dir.toAbsolutePath().normalize().equals(target)) {
                err.println("clp merge: --output " + output + " is the shard " + shard + "; give another directory");
                return 2;
            }
        }
        if (markdown != null && markdown.toString().isBlank()) {
            err.println("clp merge: --summary-markdown was given an empty file name (an unset variable such as "
                    + "$GITHUB_STEP_SUMMARY?)");
            return 2;
        }
        ShardMerge.Result merged;
        try {
            Baseline before = baseline == null ? null : Baseline.read(baseline);
            merged = ShardMerge.merge(shards, before, output);
        } catch (ShardMerge.Refused e) {
            err.println("clp merge: " + SafeText.terminal(e.getMessage(), true));
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("clp merge: --baseline " + SafeText.terminal(e.getMessage(), true));
            return 2;
        }
        Path runJson;
        try {
            Files.createDirectories(output);
            runJson = merged.run().write(output.resolve(RunDocument.FILE));
            merged.gates().write(output.resolve(GatesDocument.FILE));
        } catch (java.io.IOException | UncheckedIOException e) {
            err.println("clp merge: --output " + output + ": cannot write the merged records: " + e.getMessage());
            return 2;
        }
        out.println();
        out.print(SafeText.terminal(merged.table(), true));
        if (markdown != null) {
            try {
                Files.writeString(markdown, MarkdownSummary.render(runJson), java.nio.charset.StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (java.io.IOException e) {
                err.println("clp merge: --summary-markdown " + markdown + ": " + e.getMessage());
                return 2;
            }
        }
        if (merged.fails()) {
            out.println("failed:");
            merged.gates().gates().stream().filter(GatesDocument.Gate::fails).limit(20)
                    .forEach(g -> out.println("  " + SafeText.oneLine(g.message())));
            merged.run().pairs().stream().filter(p -> "error".equals(p.outcome())).limit(20)
                    .forEach(p -> out.println("  " + SafeText.oneLine(p.message())));
        }
        out.flush();
        return merged.fails() ? 1 : 0;
    }
}
