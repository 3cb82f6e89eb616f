package dev.clp.cli;

import dev.clp.reports.ReportWriter;
import dev.clp.reports.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code clp report}: HTML, Markdown and JSON over one or more runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the summary report (HTML, Markdown, JSON) of one or more runs.",
                "Writes report.html (self-contained, charts), report.md and report.json over one or more runs:",
                "accuracy bars per language and model, the gap table, the model x language heatmap, the diff of each",
                "run against the first, unparseable and error rates, tokens and cost, language affinity, weak pairs.",
                "It opens on the gates that fail the build, then the weak pairs of the failing languages, new first."})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_JSON", arity = "0..*",
            description = "run.json files (default target/clp/run.json); the first is the reference of the diff")
    private List<Path> runs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/clp-report",
            description = "Output directory (default ${DEFAULT-VALUE})")
    private Path out;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Diff every run against this baseline (clp baseline record) or run.json, not against the first run")
    private Path baseline;

    @Option(names = "--suite", paramLabel = "DIR",
            description = "Suite directory (or a directory of suites) to show the weak pairs' questions from; repeatable")
    private List<Path> suites = new ArrayList<>();

    @Option(names = "--summary-markdown", paramLabel = "FILE",
            description = "Also append the Markdown to this file (e.g. $GITHUB_STEP_SUMMARY)")
    private Path summary;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new java.util.ArrayList<>();
        // a results directory (target/clp) stands for the run.json in it
        for (Path f : runs.isEmpty() ? List.of(Path.of("target", "clp", "run.json")) : runs) {
            files.add(Files.isDirectory(f) && Files.isRegularFile(f.resolve("run.json")) ? f.resolve("run.json") : f);
        }
        for (Path f : files) {
            if (Files.isDirectory(f)) {
                err.println("clp report: " + f + ": a directory without a run.json (give a run.json from clp run or "
                        + "mvn test, or the results directory that holds one, e.g. target/clp)");
                return 2;
            }
            if (!Files.isRegularFile(f)) {
                err.println("clp report: " + f + ": no such file (a run.json from clp run or mvn test)");
                return 2;
            }
        }
        try {
            if (baseline != null && !Files.isRegularFile(baseline)) {
                err.println("clp report: --baseline " + baseline + ": no such file");
                return 2;
            }
            for (Path d : suites) {
                if (!Files.isDirectory(d)) {
                    err.println("clp report: --suite " + d + ": no such directory (a suite directory, or one holding suites)");
                    return 2;
                }
            }
            RunReport report = RunReport.of(files, baseline, suites);
            ReportWriter.Written w = ReportWriter.write(report, out);
            if (summary != null) {
                Files.writeString(summary, ReportWriter.markdown(report), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("report: " + w.html().toAbsolutePath());
            o.println("markdown: " + w.markdown().toAbsolutePath());
            o.println("json: " + w.json().toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("clp report: " + e.getMessage());
            return 1;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("clp report: " + e.getMessage());
            return 1;
        }
    }
}
